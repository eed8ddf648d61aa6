package io.sourced.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A fixed number of clients, each placing its next order as soon as the last one was answered, or once
 * {@code Retry-After} passed when it was refused.
 */
final class ClosedLoop {

    private ClosedLoop() {}

    static Placements run(SourcedApi api, Shop shop, int clients, Duration duration, Consumer<String> onPlaced)
            throws InterruptedException {
        Placements placements = new Placements(onPlaced);
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        placements.start();
        for (int i = 0; i < clients; i++) {
            Thread client = new Thread(
                    () -> {
                        while (System.nanoTime() < deadline) {
                            long sent = System.nanoTime();
                            try {
                                Duration wait = placements.answered(
                                        api.http().send(shop.randomOrder(api), HttpResponse.BodyHandlers.ofString()),
                                        sent);
                                Thread.sleep(wait.toMillis());
                            } catch (Exception e) {
                                placements.failed(e.toString());
                            }
                        }
                    },
                    "closed-loop-" + i);
            client.start();
            threads.add(client);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return placements;
    }
}
