package io.sourced.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Orders arriving at a fixed rate whatever the answers: each POST is sent at its planned instant and its latency is
 * counted from that instant, so a slow answer cannot hold back the arrivals (no coordinated omission). An arrival
 * that finds {@link #MAX_IN_FLIGHT} requests unanswered is shed and counted rather than queued without bound.
 */
final class OpenLoop {

    static final int MAX_IN_FLIGHT = 256;

    private OpenLoop() {}

    static Placements run(SourcedApi api, Shop shop, int perSecond, Duration duration, Consumer<String> onPlaced)
            throws InterruptedException {
        Placements placements = new Placements(onPlaced);
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long arrivals = duration.toNanos() / interval;
        placements.start();
        long first = System.nanoTime();
        for (long i = 0; i < arrivals; i++) {
            long planned = first + i * interval;
            LockSupport.parkNanos(planned - System.nanoTime());
            if (!inFlight.tryAcquire()) {
                placements.shed();
                continue;
            }
            api.http()
                    .sendAsync(shop.randomOrder(api), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((answer, error) -> {
                        try {
                            if (error != null) {
                                placements.failed(error.toString());
                            } else {
                                placements.answered(answer, planned);
                            }
                        } catch (Exception e) {
                            placements.failed(e.toString());
                        } finally {
                            inFlight.release();
                        }
                    });
        }
        if (!inFlight.tryAcquire(MAX_IN_FLIGHT, 2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("requests of the open loop still unanswered after 2 minutes");
        }
        return placements;
    }
}
