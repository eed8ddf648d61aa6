package io.sourced.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a random port standing in for the CRM ({@code /crm/customers/{id}/tier}) and the shipping
 * partner ({@code POST /shipping/shipments}, idempotent by {@code Idempotency-Key}), counting every call. Either can
 * be taken down (it answers 503) and brought back; the CRM's tiers can be changed at any time.
 */
final class StandInSystems implements AutoCloseable {

    /** One call as the stand-in saw it: which system, about whom (customer id or idempotency key), its answer. */
    record Call(String system, String subject, int status, String body) {
        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> tiers = new ConcurrentHashMap<>();
    private final Map<String, String> shipped = new ConcurrentHashMap<>();
    private volatile boolean crmDown;
    private volatile boolean partnerDown;

    StandInSystems() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/crm/customers/", this::crm);
        server.createContext("/shipping/shipments", this::shipping);
        server.setExecutor(threads);
        server.start();
    }

    List<String> arguments() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return List.of("--sourced.crm.base-url=" + base + "/crm", "--sourced.shipping.base-url=" + base + "/shipping");
    }

    void tier(String customerId, String tier) {
        tiers.put(customerId, tier);
    }

    void crmDown(boolean down) {
        crmDown = down;
    }

    void partnerDown(boolean down) {
        partnerDown = down;
    }

    /** The CRM's answers (2xx) about this customer. */
    long tierAnswers(String customerId) {
        return calls.stream()
                .filter(c -> c.system().equals("crm") && c.subject().equals(customerId) && c.succeeded())
                .count();
    }

    long crmCalls(String customerId) {
        return calls.stream()
                .filter(c -> c.system().equals("crm") && c.subject().equals(customerId))
                .count();
    }

    /** Shipments the partner took (2xx) under this idempotency key. */
    long shipmentsTaken(String key) {
        return calls.stream()
                .filter(c -> c.system().equals("shipping") && c.subject().equals(key) && c.succeeded())
                .count();
    }

    long shippingCalls(String key) {
        return calls.stream()
                .filter(c -> c.system().equals("shipping") && c.subject().equals(key))
                .count();
    }

    JsonNode shipment(String key) {
        return Api.readTree(shipped.get(key));
    }

    long totalCalls() {
        return calls.size();
    }

    private void crm(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        String customerId = path.length == 5 && path[4].equals("tier") ? path[3] : "?";
        if (crmDown) {
            answer(exchange, new Call("crm", customerId, 503, ""));
            return;
        }
        answer(
                exchange,
                new Call("crm", customerId, 200, "{\"tier\":\"" + tiers.getOrDefault(customerId, "BRONZE") + "\"}"));
    }

    private void shipping(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String key = String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        if (!exchange.getRequestMethod().equals("POST")) {
            answer(exchange, new Call("shipping", key, 405, ""));
        } else if (partnerDown) {
            answer(exchange, new Call("shipping", key, 503, ""));
        } else if (shipped.putIfAbsent(key, body) == null) {
            answer(exchange, new Call("shipping", key, 201, "{\"shipment\":\"" + key + "\"}"));
        } else {
            answer(exchange, new Call("shipping", key, 200, "{\"shipment\":\"" + key + "\"}"));
        }
    }

    private void answer(HttpExchange exchange, Call call) throws IOException {
        calls.add(call);
        byte[] bytes = call.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(call.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
