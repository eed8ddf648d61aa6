package io.sourced.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The container files say what docker/README.md says. The compose files are read as Compose reads them
 * ({@code docker-compose config}, which needs no Docker engine), with no variable set, so every default applies.
 * Without a docker-compose binary this is skipped, unless {@code -Dsourced.compose.required=true} (CI).
 */
class ComposeFilesIT {

    private static final Path DOCKER = Path.of("").toAbsolutePath().resolveSibling("docker");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::-([^}]*))?}");

    /** One row of the README's services table. */
    record Documented(
            String service,
            String image,
            Set<String> ports,
            List<String> healthCheck,
            Map<String, String> environment) {}

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"compose.yaml", "compose.services.yaml"})
    void composeFile_isValid_andEveryServiceIsAsDocumented(String file) throws Exception {
        Map<String, Documented> documented = documented(file);
        Map<String, Map<String, Object>> services = services(composeConfig(file));

        assertThat(services.keySet()).as("services of " + file).isEqualTo(documented.keySet());
        services.forEach((name, service) -> {
            Documented expected = documented.get(name);
            String image = (String) service.get("image");
            assertThat(image)
                    .as(name + " image")
                    .isEqualTo(expected.image())
                    .doesNotEndWith(":latest")
                    .matches(".+:[^:/]*[0-9a-z][^:/]*");
            assertThat(ports(service)).as(name + " ports").isEqualTo(expected.ports());
            String healthCheck = healthCheck(service);
            assertThat(healthCheck).as(name + " health check").contains(expected.healthCheck());
            assertThat(environment(service)).as(name + " environment").isEqualTo(expected.environment());
            if (environment(service).getOrDefault("SOURCED_ROLES", "").contains("query")) {
                assertThat(volumes(service))
                        .as(name + " writes the data lake into the one volume all such services share")
                        .containsExactly("lake:" + environment(service).get("SOURCED_LAKE_FOLDER"));
            }
        });
        assertThat(volumes(services.get("axonserver")))
                .containsExactlyInAnyOrder("axonserver-data:/axonserver/data", "axonserver-events:/axonserver/events");
        assertThat(volumes(services.get("postgres"))).containsExactly("postgres-data:/var/lib/postgresql/data");
    }

    @Test
    void postgresComposeFile_isValid_andPinsItsImage() throws Exception {
        Map<String, Map<String, Object>> services = services(composeConfig("compose.postgres.yaml"));

        assertThat(services.keySet()).containsExactly("postgres");
        assertThat((String) services.get("postgres").get("image")).isEqualTo("postgres:15.10");
        assertThat(volumes(services.get("postgres"))).containsExactly("postgres-data:/var/lib/postgresql/data");
    }

    @Test
    void composeFiles_holdNoSecret() throws IOException {
        for (String file : List.of("compose.yaml", "compose.services.yaml", "compose.postgres.yaml")) {
            String text = Files.readString(DOCKER.resolve(file));
            assertThat(text).as(file).doesNotContainPattern("(?i)(PASSWORD|TOKEN)[A-Z_]*: (?!\\$\\{)");
        }
    }

    @Test
    void dockerfile_runsTheJarOnAPinnedJre_asAnUnprivilegedUser_withAHealthCheck() throws IOException {
        List<String> lines = Files.readAllLines(DOCKER.resolve("Dockerfile")).stream()
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        String from = instruction(lines, "FROM");
        assertThat(from).matches("eclipse-temurin:17\\.[0-9._]+-jre-[a-z]+").doesNotContain("latest");
        assertThat(instruction(lines, "USER"))
                .isNotIn("root", "0")
                .doesNotStartWith("root:")
                .doesNotStartWith("0:");
        assertThat(instruction(lines, "EXPOSE")).isEqualTo("8080");
        assertThat(instruction(lines, "HEALTHCHECK")).contains("/app/healthcheck.sh");
        assertThat(lines).anyMatch(line -> line.startsWith("COPY") && line.contains("app/target/sourced.jar"));
        assertThat(lines).anyMatch(line -> line.startsWith("COPY") && line.contains("docker/healthcheck.sh"));
        assertThat(Files.isExecutable(DOCKER.resolve("healthcheck.sh"))).isTrue();
    }

    @Test
    void healthcheck_isHealthyOnlyWhileHealthAnswers200() throws Exception {
        int[] status = {503};
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] body = (status[0] == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status[0], body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            assertThat(runHealthcheck(port)).as("while starting (503)").isNotZero();
            status[0] = 200;
            assertThat(runHealthcheck(port)).as("when ready (200)").isZero();
        } finally {
            server.stop(0);
        }
        try (var socket = new java.net.ServerSocket(0)) {
            int closed = socket.getLocalPort();
            socket.close();
            assertThat(runHealthcheck(closed)).as("nobody listening").isNotZero();
        }
    }

    private static int runHealthcheck(int port) throws Exception {
        ProcessBuilder process = new ProcessBuilder(
                        "bash", DOCKER.resolve("healthcheck.sh").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        process.environment().put("SERVER_PORT", String.valueOf(port));
        Process started = process.start();
        assertThat(started.waitFor(20, TimeUnit.SECONDS))
                .as("health check ends")
                .isTrue();
        return started.exitValue();
    }

    private static String instruction(List<String> lines, String keyword) {
        List<String> found = lines.stream()
                .filter(line -> line.startsWith(keyword + " "))
                .map(line -> line.substring(keyword.length()).trim())
                .toList();
        assertThat(found).as(keyword).hasSize(1);
        return found.get(0);
    }

    // --- what Compose reads ---

    private static String composeConfig(String file) throws Exception {
        String binary = composeBinary();
        ProcessBuilder builder =
                new ProcessBuilder(binary, "-f", DOCKER.resolve(file).toString(), "config").redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        String path = environment.get("PATH");
        environment.clear(); // no SOURCED_* variable from this machine: the defaults apply
        environment.put("PATH", path == null ? "/usr/bin:/bin" : path);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("docker-compose config " + file + ":\n" + output)
                .isZero();
        return output;
    }

    private static String composeBinary() {
        for (String folder :
                System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, "docker-compose");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        if (Boolean.getBoolean("sourced.compose.required")) {
            throw new IllegalStateException(
                    "docker-compose is required (sourced.compose.required) but not on the PATH");
        }
        assumeTrue(false, "docker-compose not installed");
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(String config) {
        Map<String, Object> root = new Yaml().load(config);
        return new TreeMap<>((Map<String, Map<String, Object>>) root.get("services"));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> ports(Map<String, Object> service) {
        List<Object> ports = (List<Object>) service.getOrDefault("ports", List.of());
        return ports.stream()
                .map(port -> port instanceof Map<?, ?> map
                        ? map.get("published") + ":" + map.get("target")
                        : String.valueOf(port))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    private static String healthCheck(Map<String, Object> service) {
        Map<String, Object> healthCheck = (Map<String, Object>) service.get("healthcheck");
        assertThat(healthCheck).as("health check").isNotNull().containsKeys("interval", "retries");
        Object test = healthCheck.get("test");
        return test instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(" "))
                : String.valueOf(test);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        Object environment = service.getOrDefault("environment", Map.of());
        Map<String, String> values = new TreeMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> values.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else {
            for (Object entry : (List<Object>) environment) {
                String[] pair = String.valueOf(entry).split("=", 2);
                values.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static List<String> volumes(Map<String, Object> service) {
        List<Object> volumes = (List<Object>) service.getOrDefault("volumes", List.of());
        return volumes.stream()
                .map(volume -> volume instanceof Map<?, ?> map
                        ? map.get("source") + ":" + map.get("target")
                        : String.valueOf(volume).replaceFirst(":rw$", ""))
                .toList();
    }

    // --- what the README says ---

    private static Map<String, Documented> documented(String file) throws IOException {
        List<List<String>> rows = table(readme(), "| file | service | image | ports | health check | environment |");
        Map<String, String> applicationEnvironment = new TreeMap<>();
        for (List<String> row : table(readme(), "| application environment | value |")) {
            applicationEnvironment.put(
                    code(row.get(0)).get(0), defaultOf(code(row.get(1)).get(0)));
        }
        Map<String, Documented> documented = new TreeMap<>();
        for (List<String> row : rows) {
            if (!code(row.get(0)).get(0).equals(file)) {
                continue;
            }
            Map<String, String> environment = new TreeMap<>();
            if (row.get(5).contains("application environment")) {
                environment.putAll(applicationEnvironment);
            }
            for (String variable : code(row.get(5))) {
                String[] pair = variable.split("=", 2);
                environment.put(pair[0], defaultOf(pair[1]));
            }
            String service = code(row.get(1)).get(0);
            documented.put(
                    service,
                    new Documented(
                            service,
                            code(row.get(2)).get(0),
                            new TreeSet<>(code(row.get(3))),
                            code(row.get(4)),
                            environment));
        }
        assertThat(documented).as("README rows for " + file).isNotEmpty();
        return documented;
    }

    private static String readme() throws IOException {
        return Files.readString(DOCKER.resolve("README.md"));
    }

    /** The rows below a table's header line, cell by cell. */
    private static List<List<String>> table(String markdown, String header) {
        List<String> lines = markdown.lines().toList();
        int start = lines.indexOf(header);
        assertThat(start).as("README table " + header).isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(start + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            List<String> cells =
                    new ArrayList<>(List.of(line.substring(1, line.length() - 1).split("\\|", -1)));
            cells.replaceAll(String::trim);
            rows.add(cells);
        }
        return rows;
    }

    private static List<String> code(String cell) {
        List<String> spans = new ArrayList<>();
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            spans.add(matcher.group(1));
        }
        return spans;
    }

    /** What a documented value becomes when no variable is set: {@code ${NAME:-default}} is its default. */
    private static String defaultOf(String value) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(
                    result, Matcher.quoteReplacement(matcher.group(2) == null ? "" : matcher.group(2)));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
