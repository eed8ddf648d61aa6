package io.sourced.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The container files say what docker/README.md says, and are safe as they are: Axon Server requires a token the
 * operator sets and opens no port beyond this host, the administrator's password is the operator's, and the demo and
 * the simulators stay off unless asked for. The compose files are read as Compose reads them
 * ({@code docker-compose config}, which needs no Docker engine), with only the required variables set, so every
 * default applies. Without a docker-compose binary this is skipped, unless {@code -Dsourced.compose.required=true}
 * (CI).
 */
class ComposeFilesIT {

    private static final Path DOCKER = Path.of("").toAbsolutePath().resolveSibling("docker");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::([-?])([^}]*))?}");
    /** What the stacks refuse to start without, each with a value of this test's. */
    private static final Map<String, String> REQUIRED = Map.of(
            "SOURCED_AXONSERVER_TOKEN", "token-of-compose-files-it",
            "SOURCED_ADMIN_PASSWORD", "password-of-compose-files-it",
            "SOURCED_METRICS_PASSWORD", "metrics-password-of-compose-files-it",
            "SOURCED_GRAFANA_PASSWORD", "grafana-password-of-compose-files-it",
            "SOURCED_CRM_URL", "http://crm.example:8080/crm",
            "SOURCED_SHIPPING_URL", "http://shipping.example:8080/shipping");

    private static final String APPLICATION_IMAGE = "sourced:local";

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
        Map<String, Map<String, Object>> services = services(composeConfig(file, REQUIRED));

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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"compose.yaml", "compose.services.yaml"})
    void axonServer_requiresTheOperatorsToken_andOpensNoPortBeyondThisHost(String file) throws Exception {
        Map<String, Map<String, Object>> services = services(composeConfig(file, REQUIRED));
        Map<String, String> axonServer = environment(services.get("axonserver"));

        assertThat(axonServer)
                .as("Axon Server's access control")
                .containsEntry("AXONIQ_AXONSERVER_ACCESSCONTROL_ENABLED", "true")
                .containsEntry("AXONIQ_AXONSERVER_ACCESSCONTROL_TOKEN", REQUIRED.get("SOURCED_AXONSERVER_TOKEN"));
        assertThat(ports(services.get("axonserver")))
                .as("Axon Server's published ports")
                .allMatch(port -> port.startsWith("127.0.0.1:"));
        applications(services)
                .forEach((name, service) -> assertThat(environment(service))
                        .as(name + " connects with Axon Server's token")
                        .containsEntry("SOURCED_AXONSERVER_TOKEN", REQUIRED.get("SOURCED_AXONSERVER_TOKEN")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"compose.yaml", "compose.services.yaml"})
    void applications_runWithoutDemoOrSimulators_andWithTheOperatorsAdminPassword(String file) throws Exception {
        Map<String, Map<String, Object>> services = services(composeConfig(file, REQUIRED));

        assertThat(applications(services)).isNotEmpty();
        applications(services)
                .forEach((name, service) -> assertThat(environment(service))
                        .as(name)
                        .containsEntry("SOURCED_DEMO_ENABLED", "false")
                        .containsEntry("SOURCED_SIMULATORS_ENABLED", "false")
                        .containsEntry("SOURCED_SECURITY_ADMIN_PASSWORD", REQUIRED.get("SOURCED_ADMIN_PASSWORD"))
                        .containsEntry("SOURCED_SECURITY_METRICS_PASSWORD", REQUIRED.get("SOURCED_METRICS_PASSWORD")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"compose.yaml", "compose.services.yaml"})
    void prometheus_scrapesEveryApplicationService_signedInAsMetrics_withThePasswordItIsGiven(String file)
            throws Exception {
        Map<String, Map<String, Object>> services = services(composeConfig(file, REQUIRED));
        Map<String, Object> prometheus = services.get("prometheus");
        Map<String, Object> job = onlyScrapeJob(mounted(prometheus, "/etc/prometheus/prometheus.yml"));

        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
        Map<?, ?> basicAuth = (Map<?, ?>) job.get("basic_auth");
        assertThat(basicAuth.get("username")).isEqualTo("metrics");
        String entrypoint = String.join(" ", strings(prometheus.get("entrypoint")));
        assertThat(entrypoint)
                .as("the entrypoint writes the password Prometheus reads")
                .contains("\"$$SOURCED_METRICS_PASSWORD\" > " + basicAuth.get("password_file"))
                .contains("exec /bin/prometheus --config.file=/etc/prometheus/prometheus.yml");
        assertThat(environment(prometheus))
                .containsEntry("SOURCED_METRICS_PASSWORD", REQUIRED.get("SOURCED_METRICS_PASSWORD"));
        assertThat(scrapedServices(job))
                .as("the services scraped")
                .isEqualTo(applications(services).keySet());
        assertThat(volumes(prometheus)).contains("prometheus-data:/prometheus");
        assertThat(ports(prometheus)).containsExactly("127.0.0.1:9090:9090");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"compose.yaml", "compose.services.yaml"})
    void grafana_isProvisionedWithThePrometheusTheDashboardReads_onThisHostOnly(String file) throws Exception {
        Map<String, Map<String, Object>> services = services(composeConfig(file, REQUIRED));
        Map<String, Object> grafana = services.get("grafana");
        Path provisioning = mounted(grafana, "/etc/grafana/provisioning");
        Path dashboards = mounted(grafana, "/etc/grafana/dashboards");
        Map<String, Object> dataSource =
                onlyOne(yaml(provisioning.resolve("datasources/prometheus.yml")), "datasources");
        Map<String, Object> provider = onlyOne(yaml(provisioning.resolve("dashboards/sourced.yml")), "providers");
        JsonNode dashboard =
                new ObjectMapper().readTree(dashboards.resolve("sourced.json").toFile());

        assertThat(dataSource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
        assertThat(dashboard.findValues("datasource"))
                .as("every panel and query reads the provisioned data source")
                .isNotEmpty()
                .allSatisfy(source -> assertThat(source.path("uid").asText()).isEqualTo(dataSource.get("uid")));
        assertThat(((Map<?, ?>) provider.get("options")).get("path")).isEqualTo("/etc/grafana/dashboards");
        assertThat(environment(grafana))
                .containsEntry("GF_SECURITY_ADMIN_PASSWORD", REQUIRED.get("SOURCED_GRAFANA_PASSWORD"))
                .containsEntry("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH", "/etc/grafana/dashboards/sourced.json");
        assertThat(volumes(grafana)).contains("grafana-data:/var/lib/grafana");
        assertThat(ports(grafana)).containsExactly("127.0.0.1:3000:3000");
    }

    /** The host folder or file mounted at {@code target} in the service. */
    private static Path mounted(Map<String, Object> service, String target) {
        return volumes(service).stream()
                .map(volume -> volume.replaceFirst(":ro$", ""))
                .filter(volume -> volume.endsWith(":" + target))
                .map(volume -> Path.of(volume.substring(0, volume.length() - target.length() - 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + target + ": " + volumes(service)));
    }

    private static Map<String, Object> onlyScrapeJob(Path configuration) throws IOException {
        return onlyOne(yaml(configuration), "scrape_configs");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyOne(Map<String, Object> document, String key) {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) document.get(key);
        assertThat(entries).as(key).hasSize(1);
        return entries.get(0);
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    /** The compose services a scrape job reaches on the application's port: its static targets, or the names it resolves. */
    @SuppressWarnings("unchecked")
    private static Set<String> scrapedServices(Map<String, Object> job) {
        Set<String> scraped = new TreeSet<>();
        for (Map<String, Object> targets : (List<Map<String, Object>>) job.getOrDefault("static_configs", List.of())) {
            for (String target : strings(targets.get("targets"))) {
                assertThat(target).endsWith(":8080");
                scraped.add(target.substring(0, target.indexOf(':')));
            }
        }
        for (Map<String, Object> dns : (List<Map<String, Object>>) job.getOrDefault("dns_sd_configs", List.of())) {
            assertThat(dns).containsEntry("type", "A").containsEntry("port", 8080);
            scraped.addAll(strings(dns.get("names")));
        }
        return scraped;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return ((List<Object>) list).stream().map(String::valueOf).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"compose.yaml", "compose.services.yaml"})
    void composeFile_withARequiredVariableUnset_refusesNamingIt(String file) throws Exception {
        for (String unset : REQUIRED.keySet()) {
            Map<String, String> others = new TreeMap<>(REQUIRED);
            others.remove(unset);

            Compose refused = compose(file, others);

            assertThat(refused.exitValue())
                    .as(file + " without " + unset + ":\n" + refused.output())
                    .isNotZero();
            assertThat(refused.output()).as(file + " without " + unset).contains("set " + unset);
        }
        assertThat(compose(file, Map.of()).exitValue())
                .as(file + " with nothing set")
                .isNotZero();
    }

    @Test
    void postgresComposeFile_publishesItsPortOnThisHostOnly() throws Exception {
        Map<String, Map<String, Object>> services = services(composeConfig("compose.postgres.yaml", Map.of()));

        assertThat(ports(services.get("postgres"))).containsExactly("127.0.0.1:5432:5432");
    }

    @Test
    void postgresComposeFile_isValid_andPinsItsImage() throws Exception {
        Map<String, Map<String, Object>> services = services(composeConfig("compose.postgres.yaml", Map.of()));

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

    record Compose(int exitValue, String output) {}

    /** What {@code docker-compose config} prints with only {@code variables} set; it must succeed. */
    private static String composeConfig(String file, Map<String, String> variables) throws Exception {
        Compose config = compose(file, variables);
        assertThat(config.exitValue())
                .as("docker-compose config " + file + ":\n" + config.output())
                .isZero();
        return config.output();
    }

    private static Compose compose(String file, Map<String, String> variables) throws Exception {
        String binary = composeBinary();
        ProcessBuilder builder =
                new ProcessBuilder(binary, "-f", DOCKER.resolve(file).toString(), "config").redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        String path = environment.get("PATH");
        environment.clear(); // no SOURCED_* variable from this machine: the defaults apply
        environment.put("PATH", path == null ? "/usr/bin:/bin" : path);
        environment.putAll(variables);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Compose(process.exitValue(), output);
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

    private static Map<String, Map<String, Object>> applications(Map<String, Map<String, Object>> services) {
        Map<String, Map<String, Object>> applications = new TreeMap<>(services);
        applications.values().removeIf(service -> !APPLICATION_IMAGE.equals(service.get("image")));
        return applications;
    }

    /** Each published port as {@code [address:]published:target}, the address where it is bound to one. */
    @SuppressWarnings("unchecked")
    private static Set<String> ports(Map<String, Object> service) {
        List<Object> ports = (List<Object>) service.getOrDefault("ports", List.of());
        return ports.stream()
                .map(port -> port instanceof Map<?, ?> map
                        ? (map.get("host_ip") == null ? "" : map.get("host_ip") + ":") + map.get("published") + ":"
                                + map.get("target")
                        : String.valueOf(port).replaceFirst("/tcp$", ""))
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

    /**
     * What a documented value becomes when only the required variables are set: {@code ${NAME:-default}} is its
     * default, {@code ${NAME:?message}} the value this test gives NAME.
     */
    private static String defaultOf(String value) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String resolved = "?".equals(matcher.group(2))
                    ? REQUIRED.get(matcher.group(1))
                    : matcher.group(3) == null ? "" : matcher.group(3);
            assertThat(resolved).as("a value for " + matcher.group(0)).isNotNull();
            matcher.appendReplacement(result, Matcher.quoteReplacement(resolved));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
