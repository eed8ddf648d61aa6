package io.sourced.bench;

import io.sourced.bench.SourcedApi.Processor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Every view rebuilt from the first event, measured to completion: by this application through
 * {@code POST /api/admin/views/rebuild} (one reading of the log, switched at the head), and by a previous jar through
 * a replay of each view processor at once. Progress is read from the database, not the API, whose signed-in requests
 * would take CPU from the rebuild measured.
 */
final class ViewRebuildBench {

    /** The processors that keep views in tables: what "every view" means for both jars. */
    static final Set<String> VIEWS =
            Set.of("orders-view", "order-history", "products-view", "customers-view", "reports", "event-log");

    private static final Duration POLL = Duration.ofMillis(200);

    /** Events a second, and the cores the application and PostgreSQL used meanwhile. */
    record Measured(long events, double seconds, double appCores, double postgresCores) {
        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private ViewRebuildBench() {}

    static Measured rebuild(SourcedApi api, AppProcess app, Store store, Duration limit) throws Exception {
        return measured(app, () -> {
            int status = api.rebuildViews();
            if (status != 202) {
                throw new IllegalStateException("POST /api/admin/views/rebuild answered " + status);
            }
            long deadline = System.nanoTime() + limit.toNanos();
            try (Connection connection = store.connect();
                    PreparedStatement query = connection.prepareStatement(
                            "SELECT COUNT(*) FILTER (WHERE state IN ('RUNNING', 'SWITCHING')),"
                                    + " COUNT(*) FILTER (WHERE state <> 'DONE' AND state NOT IN ('RUNNING', 'SWITCHING')),"
                                    + " MAX(done) FROM view_rebuild")) {
                while (System.nanoTime() < deadline) {
                    Thread.sleep(POLL.toMillis());
                    try (ResultSet row = query.executeQuery()) {
                        row.next();
                        if (row.getLong(2) > 0) {
                            throw new IllegalStateException("a rebuild did not end well: see " + app.log());
                        }
                        if (row.getLong(1) == 0) {
                            return row.getLong(3);
                        }
                    }
                }
            }
            throw new IllegalStateException("the rebuild did not end within " + limit);
        });
    }

    /** The previous way: a replay of each view processor at once, done when the slowest reached the head. */
    static Measured replayEach(SourcedApi api, AppProcess app, Store store, Duration limit) throws Exception {
        return measured(app, () -> {
            Map<String, Progress> each =
                    ViewReplay.run(api, store, limit, (Processor processor) -> VIEWS.contains(processor.name()));
            Progress slowest = ViewReplay.slowest(each);
            if (!slowest.done()) {
                throw new IllegalStateException("the replays did not end within " + limit);
            }
            return slowest.events();
        });
    }

    private interface Run {
        long events() throws Exception;
    }

    private static Measured measured(AppProcess app, Run run) throws Exception {
        ProcessProbe probe = new ProcessProbe(app.pid());
        double appAtStart = probe.cpuSeconds();
        double postgresAtStart = PostgresCpu.seconds();
        long started = System.nanoTime();
        long events = run.events();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Measured(
                events,
                seconds,
                (probe.cpuSeconds() - appAtStart) / seconds,
                (PostgresCpu.seconds() - postgresAtStart) / seconds);
    }
}
