#!/usr/bin/env python3
"""Follow a Sourced consumer's event feed into SQLite, with Python's standard library only.

One table per granted event type, made from the JSON Schemas of GET /api/feed/catalog (the payload's fields as
columns, as this consumer receives them). It follows GET /api/feed/stream from the position stored on the server
(GET /api/feed/position), writes each event in its own transaction, then stores the event's position
(PUT /api/feed/position): stopped anywhere, it starts again after the last event it stored the position of, and an
event written but not yet acknowledged is met again and left as it is (its event id is the table's key).

    SOURCED_TOKEN=sct_... python3 feed_to_sqlite.py --url http://localhost:8080 --db feed.sqlite

--max-events N stops after N events; --idle S stops once no event came for S seconds (the stream sends a comment
line every 15 s when quiet, so keep S above that or expect to stop then).
"""

import argparse
import json
import os
import re
import socket
import sqlite3
import sys
import urllib.error
import urllib.request

SQL_TYPES = {"string": "TEXT", "number": "NUMERIC", "integer": "INTEGER", "boolean": "INTEGER"}


def call(base, token, method, path, body=None, headers=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Authorization", "Bearer " + token)
    if data is not None or method != "GET":
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    return urllib.request.urlopen(request, timeout=timeout)


def read_json(base, token, method, path, body=None):
    with call(base, token, method, path, body) as answer:
        return json.load(answer)


def table_of(event_type):
    """OrderPlacedEvent -> order_placed_event"""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", event_type).lower()


def column_type(schema):
    kinds = schema.get("type", "string")
    kinds = [kinds] if isinstance(kinds, str) else [k for k in kinds if k != "null"]
    return SQL_TYPES.get(kinds[0] if kinds else "string", "TEXT")  # arrays and objects are kept as JSON text


def create_tables(db, catalog):
    columns = {}
    for entry in catalog:
        properties = entry["schema"].get("properties", {})
        table = table_of(entry["type"])
        fields = [f'"{name}" {column_type(schema)}' for name, schema in properties.items()]
        db.execute(
            f'CREATE TABLE IF NOT EXISTS "{table}" (event_id TEXT PRIMARY KEY, position TEXT NOT NULL, '
            f'occurred_at TEXT NOT NULL, aggregate_id TEXT{"".join(", " + f for f in fields)})'
        )
        columns[entry["type"]] = (table, list(properties))
    db.commit()
    return columns


def store(db, columns, event):
    table, fields = columns[event["type"]]
    payload = event["payload"]
    values = [payload.get(f) if not isinstance(payload.get(f), (list, dict)) else json.dumps(payload[f]) for f in fields]
    names = "".join(f', "{f}"' for f in fields)
    marks = ", ?" * len(fields)
    with db:
        db.execute(
            f'INSERT OR IGNORE INTO "{table}" (event_id, position, occurred_at, aggregate_id{names}) '
            f"VALUES (?, ?, ?, ?{marks})",
            [event["eventId"], event["position"], event["timestamp"], event.get("aggregateId")] + values,
        )


def events(answer):
    """The events of a server-sent event stream: (id, data) pairs; comment lines are skipped."""
    event_id, data = None, []
    for raw in answer:
        line = raw.decode("utf-8").rstrip("\r\n")
        if not line:
            if data:
                yield event_id, "\n".join(data)
            event_id, data = None, []
        elif line.startswith(":"):
            continue
        elif line.startswith("id:"):
            event_id = line[3:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].lstrip(" "))


def follow(base, token, db_path, max_events, idle):
    db = sqlite3.connect(db_path)
    columns = create_tables(db, read_json(base, token, "GET", "/api/feed/catalog"))
    position = read_json(base, token, "GET", "/api/feed/position").get("position")
    seen = 0
    while max_events is None or seen < max_events:
        headers = {"Accept": "text/event-stream"}
        if position:
            headers["Last-Event-ID"] = position
        try:
            with call(base, token, "GET", "/api/feed/stream", headers=headers, timeout=idle) as answer:
                for event_id, data in events(answer):
                    event = json.loads(data)
                    store(db, columns, event)
                    position = event_id
                    read_json(base, token, "PUT", "/api/feed/position", {"position": position})
                    seen += 1
                    if max_events is not None and seen >= max_events:
                        break
        except (socket.timeout, TimeoutError):
            break  # nothing came for --idle seconds
        except urllib.error.HTTPError as refused:
            sys.exit(f"refused: {refused.code} {refused.read().decode(errors='replace')}")
    db.close()
    print(f"{seen} events stored", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--db", default="feed.sqlite")
    parser.add_argument("--token", default=os.environ.get("SOURCED_TOKEN"))
    parser.add_argument("--max-events", type=int)
    parser.add_argument("--idle", type=float, default=60.0)
    args = parser.parse_args()
    if not args.token:
        parser.error("give the consumer's token with --token or SOURCED_TOKEN")
    follow(args.url.rstrip("/"), args.token, args.db, args.max_events, args.idle)


if __name__ == "__main__":
    main()
