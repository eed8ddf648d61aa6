package io.sourced.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A what-if timeline (docs/api.md) over the generated history, asked through {@code POST /api/timelines} and measured
 * until it is {@code DONE}: the events it read a second over that wall time, and the application's CPU and peak
 * resident set meanwhile. Whether it ended is read from the {@code timeline} table, not the API, whose signed-in
 * requests would take CPU from the timeline measured; its figures are asked once, at the end.
 */
final class TimelineBench {

    /** No rule changed: the timeline should reproduce the log. */
    static final Map<String, Object> NO_RULE = Map.of();

    /** Every price ten percent up: the history's orders are of one unit and its accounts deep, so all still pass. */
    static final Map<String, Object> PRICE_CHANGE = Map.of("priceChangePercent", 10);

    private static final Duration POLL = Duration.ofMillis(100);

    /**
     * A timeline whose progress moves less than {@link #STALL_LEAST} in this long is stopped: its heap full, it
     * collects garbage between two small steps. Its first pass over the period reports no progress, so this is longer
     * than that pass over the full history.
     */
    static final Duration STALL = Duration.ofMinutes(2);

    static final double STALL_LEAST = 0.01;

    /** A timeline stopped because it stalled: how far it got, and the application meanwhile. */
    static final class Stalled extends Exception {
        final double progress;
        final double seconds;
        final double peakRssMegabytes;

        Stalled(double progress, double seconds, double peakRssMegabytes) {
            super("the timeline stalled at progress " + progress);
            this.progress = progress;
            this.seconds = seconds;
            this.peakRssMegabytes = peakRssMegabytes;
        }
    }

    /**
     * @param peakSinceStart the kernel refused to reset the peak resident set: the peak is the process's since it
     *     started
     */
    record Measured(
            TimelineAnswer answer, double seconds, double appCores, double peakRssMegabytes, boolean peakSinceStart) {

        double eventsPerSecond() {
            return answer.eventsRead() / seconds;
        }
    }

    /** The log's whole span: from the second of its earliest event to now, which no event of the history reaches. */
    record Period(Instant from, Instant to) {

        static Period wholeLog(Store store) throws Exception {
            try (Connection connection = store.connect();
                    Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery(
                            "SELECT MIN(CAST(timestamp AS TIMESTAMP WITH TIME ZONE)) FROM domainevententry")) {
                row.next();
                Instant earliest = row.getObject(1, OffsetDateTime.class).toInstant();
                return new Period(
                        earliest.truncatedTo(ChronoUnit.SECONDS), Instant.now().truncatedTo(ChronoUnit.SECONDS));
            }
        }
    }

    private TimelineBench() {}

    static Measured run(
            SourcedApi api,
            AppProcess app,
            Store store,
            String name,
            Period period,
            Map<String, Object> rules,
            Duration limit)
            throws Exception {
        ProcessProbe probe = new ProcessProbe(app.pid());
        boolean peakReset = probe.resetPeak();
        ProcessProbe.Span cpu = probe.span();
        long started = System.nanoTime();
        String id = api.askTimeline(name, period.from(), period.to(), rules);
        double stalledAt = awaitEnd(store, app, id, limit);
        if (stalledAt >= 0) {
            double peak = probe.peakRssMegabytes();
            api.deleteTimeline(id);
            throw new Stalled(stalledAt, (System.nanoTime() - started) / 1e9, peak);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cores = cpu.cores();
        double peak = probe.peakRssMegabytes();
        TimelineAnswer answer = TimelineAnswer.of(api.timeline(id));
        if (!answer.done()) {
            throw new IllegalStateException("the timeline " + name + " ended " + answer.status() + ": "
                    + answer.failure() + "; see " + app.log());
        }
        return new Measured(answer, seconds, cores, peak, !peakReset);
    }

    /** Answers -1 once the timeline ended, or its progress when it stalled. */
    private static double awaitEnd(Store store, AppProcess app, String id, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        ProgressWatch watch = new ProgressWatch(STALL, STALL_LEAST);
        try (Connection connection = store.connect();
                PreparedStatement query =
                        connection.prepareStatement("SELECT status, progress FROM timeline WHERE timeline_id = ?")) {
            query.setString(1, id);
            while (System.nanoTime() < deadline) {
                Thread.sleep(POLL.toMillis());
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("the timeline " + id + " is gone; see " + app.log());
                    }
                    if (!"RUNNING".equals(row.getString(1))) {
                        return -1;
                    }
                    if (watch.stalled(row.getDouble(2), System.nanoTime())) {
                        return watch.progress();
                    }
                }
            }
        }
        throw new IllegalStateException(
                "the timeline did not end within " + limit + " (progress " + watch.progress() + "); see " + app.log());
    }
}
