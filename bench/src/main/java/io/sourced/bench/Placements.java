package io.sourced.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** What one load step placed: the orders, how long each POST took, what failed and what was never sent. */
final class Placements {

    private final Latencies latencies = new Latencies();
    private final Queue<String> orderIds = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger shed = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final Consumer<String> onPlaced;
    private volatile Instant started;
    private volatile Instant lastAnswer;

    Placements(Consumer<String> onPlaced) {
        this.onPlaced = onPlaced;
    }

    void start() {
        started = Instant.now();
    }

    /**
     * A POST answered: 202 places an order, 429 is a refusal of admission (answered with how long the client should
     * wait before it sends again), anything else is a failure.
     */
    Duration answered(HttpResponse<String> answer, long sentNanos) throws IOException {
        if (answer.statusCode() == 429) {
            refused.incrementAndGet();
            return Duration.ofSeconds(
                    Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1")));
        }
        if (answer.statusCode() != 202) {
            failed(answer.statusCode() + " " + answer.body());
            return Duration.ZERO;
        }
        latencies.add((System.nanoTime() - sentNanos) / 1e6);
        lastAnswer = Instant.now();
        String orderId = SourcedApi.orderIdOf(answer);
        orderIds.add(orderId);
        onPlaced.accept(orderId);
        return Duration.ZERO;
    }

    void failed(String why) {
        failures.incrementAndGet();
        firstFailure.compareAndSet(null, why);
    }

    /** An arrival the open loop could not send because too many requests were still unanswered. */
    void shed() {
        shed.incrementAndGet();
    }

    Latencies latencies() {
        return latencies;
    }

    List<String> orderIds() {
        return List.copyOf(orderIds);
    }

    int failures() {
        return failures.get();
    }

    String firstFailure() {
        return firstFailure.get();
    }

    /** POSTs refused with 429 while the workflow was further behind than its admission limit. */
    int refusedCount() {
        return refused.get();
    }

    int shedCount() {
        return shed.get();
    }

    Instant started() {
        return started;
    }

    /** Orders placed a second: from the first request to the last order answered. */
    double ordersPerSecond() {
        return lastAnswer == null
                ? 0
                : orderIds.size() / ((lastAnswer.toEpochMilli() - started.toEpochMilli()) / 1000.0);
    }
}
