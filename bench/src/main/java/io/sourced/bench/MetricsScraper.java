package io.sourced.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus beside a workflow step: {@code /actuator/prometheus} scraped once a second while the step runs, as the
 * demo's admin, each scrape timed (request to the last byte) and weighed. What scraping costs the application is in
 * the step's CPU; what it costs the scraper is here.
 */
final class MetricsScraper {

    static final Duration EVERY = Duration.ofSeconds(1);

    /** What the scrapes of one step measured: their latency, the largest answer, and how many failed. */
    record Scrapes(Latencies latencies, long largestBytes, int failures) {}

    private final HttpClient http;
    private final HttpRequest scrape;
    private final Latencies latencies = new Latencies();
    private final AtomicLong largestBytes = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    private MetricsScraper(URI base) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.scrape = HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .build();
        this.thread = new Thread(this::scrapeEverySecond, "bench-scraper");
        this.thread.setDaemon(true);
    }

    /** Starts scraping the application at {@code base} now, and once a second until closed. */
    static MetricsScraper start(URI base) {
        MetricsScraper scraper = new MetricsScraper(base);
        scraper.thread.start();
        return scraper;
    }

    private void scrapeEverySecond() {
        long next = System.nanoTime();
        while (running) {
            long started = System.nanoTime();
            try {
                HttpResponse<byte[]> answer = http.send(scrape, HttpResponse.BodyHandlers.ofByteArray());
                if (answer.statusCode() == 200) {
                    latencies.add((System.nanoTime() - started) / 1e6);
                    largestBytes.accumulateAndGet(answer.body().length, Math::max);
                } else {
                    failures.incrementAndGet();
                }
            } catch (IOException e) {
                failures.incrementAndGet();
            } catch (InterruptedException e) {
                return;
            }
            next += EVERY.toNanos();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Stops scraping; answers what the scrapes measured. */
    Scrapes stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(EVERY.toMillis() * 15);
        return new Scrapes(latencies, largestBytes.get(), failures.get());
    }
}
