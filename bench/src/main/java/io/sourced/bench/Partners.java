package io.sourced.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CRM and the shipping partner the application calls (docs/operations.md, integrations). Served by the runner,
 * so that the process measured does the application's work only, not the answers of the systems it stands in for; or,
 * with {@code --in-process-simulators}, by the application's own simulators under {@code /sim/**}.
 *
 * <p>The runner answers as the simulators module ({@code io.sourced.simulators}) does: {@code GET
 * /crm/customers/{customerId}/tier} → {@code {"tier":"GOLD"}}, the tier the hash of {@code "<customerId>/<window>"}
 * picks over GOLD, SILVER, BRONZE ({@code window}: the number of 2-minute windows since the epoch), 404 for an id that
 * is not a UUID; {@code POST /shipping/shipments} with an {@code Idempotency-Key}: 201 and the shipment the first
 * time, 200 and that first shipment for the same key again, 400 without a key or for a malformed shipment; {@code GET
 * /shipping/shipments} lists them, the latest 10,000 kept.
 */
final class Partners implements AutoCloseable {

    enum Tier {
        GOLD,
        SILVER,
        BRONZE
    }

    record Line(String productId, int quantity) {}

    record Shipment(String shipmentId, String idempotencyKey, String orderId, List<Line> lines, Instant receivedAt) {}

    static final int KEPT = 10_000;
    private static final long WINDOW_SECONDS = Duration.ofMinutes(2).toSeconds();
    private static final Pattern TIER = Pattern.compile("/crm/customers/([^/]+)/tier");
    private static final Set<String> SHIPMENT_FIELDS = Set.of("orderId", "lines");
    private static final Set<String> LINE_FIELDS = Set.of("productId", "quantity");
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, Shipment> byKey = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Shipment> eldest) {
            return size() > KEPT;
        }
    };

    private Partners(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** The application's own simulators stand in for both, on its own port. */
    static Partners inTheApplication() {
        return new Partners(null, null);
    }

    /** Both served by the runner, on a free port of the loopback interface. */
    static Partners served() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService threads = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "bench-partners");
            thread.setDaemon(true);
            return thread;
        });
        Partners partners = new Partners(server, threads);
        server.createContext("/crm/", partners::crm);
        server.createContext("/shipping/", partners::shipping);
        server.setExecutor(threads);
        server.start();
        return partners;
    }

    boolean inProcess() {
        return server == null;
    }

    /** Where the application finds them: its settings for the base URLs, on every profile. */
    List<String> appArguments() {
        if (inProcess()) {
            String own = "http://localhost:${local.server.port}/sim";
            return List.of(
                    "--sourced.simulators.enabled=true",
                    "--sourced.crm.base-url=" + own + "/crm",
                    "--sourced.shipping.base-url=" + own + "/shipping");
        }
        return List.of(
                "--sourced.simulators.enabled=false",
                "--sourced.crm.base-url=" + base() + "/crm",
                "--sourced.shipping.base-url=" + base() + "/shipping");
    }

    URI base() {
        if (inProcess()) {
            throw new IllegalStateException("the application serves its own simulators");
        }
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    static Tier tierAt(String customerId, Instant at) {
        long window = Math.floorDiv(at.getEpochSecond(), WINDOW_SECONDS);
        Tier[] tiers = Tier.values();
        return tiers[Math.floorMod((customerId + "/" + window).hashCode(), tiers.length)];
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private void crm(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = TIER.matcher(exchange.getRequestURI().getPath());
            if (!path.matches()) {
                answer(exchange, 404, null);
            } else if (!exchange.getRequestMethod().equals("GET")) {
                answer(exchange, 405, null);
            } else {
                String customerId;
                try {
                    customerId = UUID.fromString(path.group(1)).toString();
                } catch (IllegalArgumentException notAnId) {
                    answer(exchange, 404, null);
                    return;
                }
                answer(exchange, 200, Map.of("tier", tierAt(customerId, Instant.now())));
            }
        }
    }

    private void shipping(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/shipping/shipments")) {
                answer(exchange, 404, null);
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "POST" -> ship(exchange);
                case "GET" -> {
                    synchronized (byKey) {
                        answer(exchange, 200, new ArrayList<>(byKey.values()));
                    }
                }
                default -> answer(exchange, 405, null);
            }
        }
    }

    private void ship(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String orderId;
        List<Line> lines;
        try {
            JsonNode request = JSON.readTree(body);
            orderId = text(request, "orderId", SHIPMENT_FIELDS);
            lines = lines(request.get("lines"));
        } catch (IOException | IllegalArgumentException malformed) {
            answer(exchange, 400, null);
            return;
        }
        if (key == null) {
            answer(exchange, 400, null);
            return;
        }
        synchronized (byKey) {
            Shipment first = byKey.get(key);
            if (first != null) {
                answer(exchange, 200, first);
                return;
            }
            Shipment shipment = new Shipment(UUID.randomUUID().toString(), key, orderId, lines, Instant.now());
            byKey.put(key, shipment);
            answer(exchange, 201, shipment);
        }
    }

    private static List<Line> lines(JsonNode lines) {
        if (lines == null || !lines.isArray() || lines.isEmpty()) {
            throw new IllegalArgumentException("no lines");
        }
        List<Line> parsed = new ArrayList<>();
        for (JsonNode line : lines) {
            JsonNode quantity = line.get("quantity");
            if (quantity == null
                    || !quantity.canConvertToInt()
                    || !quantity.isIntegralNumber()
                    || quantity.asInt() < 1) {
                throw new IllegalArgumentException("a quantity below 1");
            }
            parsed.add(new Line(text(line, "productId", LINE_FIELDS), quantity.asInt()));
        }
        return List.copyOf(parsed);
    }

    /** A field that must be a non-blank string, in an object that has no fields but {@code known}. */
    private static String text(JsonNode object, String field, Set<String> known) {
        if (object == null || !object.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            if (!known.contains(names.next())) {
                throw new IllegalArgumentException("an unknown field");
            }
        }
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is blank");
        }
        return value.asText();
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] json = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
    }
}
