#!/usr/bin/env bash
# Healthy when GET /actuator/health on this container answers 200 (Spring Boot answers 503 until ready).
# Plain bash (/dev/tcp): the runtime image needs neither curl nor wget.
set -euo pipefail
exec 3<>"/dev/tcp/127.0.0.1/${SERVER_PORT:-8080}"
printf 'GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
read -r -t 3 _ status _ <&3
[ "$status" = "200" ]
