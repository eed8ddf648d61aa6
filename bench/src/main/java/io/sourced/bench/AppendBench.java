package io.sourced.bench;

import io.sourced.bench.Results.Figure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Events appended by commands alone: the application runs the command role only (no saga, no view processors, so
 * nothing reads the log meanwhile), and senders place orders as fast as they are answered; each order placed is
 * one event appended by the Order aggregate.
 */
final class AppendBench {

    private AppendBench() {}

    static void run(AppProcess app, Store store, Scale scale, Results results, Figure insertLimit) throws Exception {
        SourcedApi api = new SourcedApi(app.base());
        Shop shop = Shop.open(api, scale.customers(), scale.products());
        String step = "Append " + store.kind() + ", command role only, " + scale.concurrency() + " senders";
        Figure appended = new Figure(step, "events appended", "events/s");
        results.boundBy(appended, insertLimit);
        try (Connection reader = store.connect()) {
            ClosedLoop.run(api, shop, scale.concurrency(), scale.warmup().least(), orderId -> {});
            for (int i = 0; i < scale.repetitions(); i++) {
                long head = OrderTimeline.head(reader);
                long started = System.nanoTime();
                Placements placements = ClosedLoop.run(api, shop, scale.concurrency(), scale.step(), orderId -> {});
                double seconds = (System.nanoTime() - started) / 1e9;
                results.add(appended, eventsAfter(reader, head) / seconds);
                results.add(
                        new Figure(step, "command latency p50", "ms"),
                        placements.latencies().percentile(50));
                results.add(
                        new Figure(step, "command latency p99", "ms"),
                        placements.latencies().percentile(99));
                if (placements.failures() > 0) {
                    results.note(step + ": " + placements.failures() + " POSTs failed (first: "
                            + placements.firstFailure() + ")");
                }
            }
        }
    }

    private static long eventsAfter(Connection connection, long position) throws SQLException {
        try (PreparedStatement count =
                connection.prepareStatement("SELECT COUNT(*) FROM domainevententry WHERE globalindex > ?")) {
            count.setLong(1, position);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
