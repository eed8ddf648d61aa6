package io.sourced.query.integration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on a random local port standing in for an outside system: it answers the scripted replies in
 * turn (the last one again once the script is used up) and records every request.
 */
public final class StubServer implements AutoCloseable {

    public record Request(String method, String path, String idempotencyKey, String body) {}

    /** A reply; {@code stall} makes the server hold the answer until the test ends (a system too slow to wait for). */
    record Reply(int status, String body, boolean stall) {
        static Reply of(int status, String body) {
            return new Reply(status, body, false);
        }

        static Reply stalled() {
            return new Reply(200, "", true);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private Reply last = Reply.of(200, "{}");

    public StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public String url(String prefix) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    synchronized StubServer answer(Reply... replies) {
        script.clear();
        script.addAll(List.of(replies));
        return this;
    }

    public StubServer answer(int status, String body) {
        return answer(Reply.of(status, body));
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private synchronized Reply next() {
        if (!script.isEmpty()) {
            last = script.poll();
        }
        return last;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                body));
        Reply reply = next();
        if (reply.stall()) {
            try {
                released.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
