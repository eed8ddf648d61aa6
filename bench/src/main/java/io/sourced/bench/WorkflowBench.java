package io.sourced.bench;

import io.sourced.bench.Results.Figure;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Orders through the whole workflow (placed, stock reserved, paid, accepted) on one running application, at a fixed
 * concurrency (closed loop) and at a fixed arrival rate (open loop). Each step waits for its orders to end before the
 * next one starts, so steps do not carry each other's backlog.
 */
record WorkflowBench(AppProcess app, Store store, Scale scale, Results results) {

    /** How one step offers its load. */
    interface Load {
        Placements run(Duration duration, Consumer<String> onPlaced) throws InterruptedException;
    }

    void run(Figure ordersLimit) throws Exception {
        SourcedApi api = new SourcedApi(app.base());
        Shop shop = Shop.open(api, scale.customers(), scale.products());
        ProcessProbe probe = new ProcessProbe(app.pid());
        try (Connection reader = watching(store.connect());
                ViewWatcher watcher = new ViewWatcher(watching(store.connect()))) {
            Load closed = (duration, onPlaced) -> ClosedLoop.run(api, shop, scale.concurrency(), duration, onPlaced);
            step(closed, scale.warmup(), reader, watcher, probe);
            String closedStep = "Workflow " + store.kind() + ", closed loop " + scale.concurrency() + " clients";
            Figure closedOrders = new Figure(closedStep, "orders ended", "orders/s");
            for (int i = 0; i < scale.repetitions(); i++) {
                record(closedStep, step(closed, scale.step(), reader, watcher, probe), ordersLimit);
            }
            int rate = arrivalRate(closedOrders);
            Load open = (duration, onPlaced) -> OpenLoop.run(api, shop, rate, duration, onPlaced);
            String openStep = "Workflow " + store.kind() + ", open loop " + rate + " orders/s offered";
            for (int i = 0; i < scale.repetitions(); i++) {
                record(openStep, step(open, scale.step(), reader, watcher, probe), ordersLimit);
            }
        }
    }

    /**
     * A connection of the runner's that keeps one transaction open: each of its statements still sees what committed
     * before it, and the application's commits are counted without the runner's.
     */
    private static Connection watching(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        return connection;
    }

    /** The rate asked for, or else half the rate the closed loop ended orders at: latency at half the capacity. */
    private int arrivalRate(Figure closedOrders) {
        if (scale.arrivalRate() > 0) {
            return scale.arrivalRate();
        }
        return Math.max(1, (int) Math.round(results.summary(closedOrders).median() / 2));
    }

    /** What one step measured. */
    record Step(
            Placements placements,
            Map<String, OrderTimeline.Order> timeline,
            Map<String, ViewWatcher.Sighting> sightings,
            double cpuCores,
            double peakRssMegabytes,
            double commitsPerOrder,
            double statementsPerOrder) {

        int ended() {
            return ended(placements, timeline).size();
        }

        double ordersPerSecond() {
            return endedPerSecond(placements, timeline);
        }

        /** Orders that ended, over the time from the load's first POST to the last of them ending. */
        static double endedPerSecond(Placements placements, Map<String, OrderTimeline.Order> timeline) {
            List<Instant> ended = ended(placements, timeline);
            Instant lastEnded = ended.stream().max(Instant::compareTo).orElse(null);
            if (lastEnded == null) {
                return 0;
            }
            return ended.size()
                    / ((lastEnded.toEpochMilli() - placements.started().toEpochMilli()) / 1000.0);
        }

        private static List<Instant> ended(Placements placements, Map<String, OrderTimeline.Order> timeline) {
            return placements.orderIds().stream()
                    .map(timeline::get)
                    .filter(order -> order != null && order.ended() != null)
                    .map(OrderTimeline.Order::ended)
                    .toList();
        }

        Latencies placedToAccepted() {
            Latencies latencies = new Latencies();
            placements.orderIds().stream()
                    .map(timeline::get)
                    .filter(Objects::nonNull)
                    .filter(OrderTimeline.Order::accepted)
                    .forEach(order -> latencies.add(millisBetween(order.placed(), order.ended())));
            return latencies;
        }

        /** From the OrderPlaced event's time in the store to the poll that first saw the order in the orders view. */
        Latencies viewLag() {
            Latencies latencies = new Latencies();
            sightings.forEach((orderId, seen) -> {
                OrderTimeline.Order order = timeline.get(orderId);
                if (order == null) {
                    return;
                }
                if (seen.shown != null) {
                    latencies.add(millisBetween(order.placed(), seen.shown));
                }
            });
            return latencies;
        }

        private static double millisBetween(Instant from, Instant to) {
            return Duration.between(from, to).toNanos() / 1e6;
        }
    }

    private Step step(Load load, Duration duration, Connection reader, ViewWatcher watcher, ProcessProbe probe)
            throws Exception {
        long head = OrderTimeline.head(reader);
        probe.resetPeak();
        ProcessProbe.Span cpu = probe.span();
        DatabaseWork before = DatabaseWork.of(reader);
        Placements placements = load.run(duration, watcher::expect);
        watcher.awaitTerminal(scale.drainLimit());
        double cores = cpu.cores();
        double rss = probe.peakRssMegabytes();
        DatabaseWork after = DatabaseWork.of(reader);
        Map<String, OrderTimeline.Order> timeline = OrderTimeline.after(reader, head);
        int ended = Step.ended(placements, timeline).size();
        return new Step(
                placements,
                timeline,
                watcher.takeSightings(),
                cores,
                rss,
                after.commitsPer(before, ended),
                after.statementsPer(before, ended));
    }

    private void record(String name, Step step, Figure ordersLimit) {
        Placements placements = step.placements();
        Figure orders = new Figure(name, "orders ended", "orders/s");
        results.add(orders, step.ordersPerSecond());
        results.boundBy(orders, ordersLimit);
        results.add(new Figure(name, "orders placed", "orders/s"), placements.ordersPerSecond());
        Latencies command = placements.latencies();
        results.add(new Figure(name, "command latency p50", "ms"), command.percentile(50));
        results.add(new Figure(name, "command latency p95", "ms"), command.percentile(95));
        results.add(new Figure(name, "command latency p99", "ms"), command.percentile(99));
        Latencies toAccepted = step.placedToAccepted();
        results.add(new Figure(name, "placed to accepted p50", "ms"), toAccepted.percentile(50));
        results.add(new Figure(name, "placed to accepted p99", "ms"), toAccepted.percentile(99));
        results.add(new Figure(name, "view lag p99", "ms"), step.viewLag().percentile(99));
        results.add(new Figure(name, "app peak RSS", "MB"), step.peakRssMegabytes());
        results.add(new Figure(name, "app CPU", "cores"), step.cpuCores());
        if (step.commitsPerOrder() >= 0) {
            results.add(new Figure(name, "database commits per order", "commits"), step.commitsPerOrder());
        }
        if (step.statementsPerOrder() >= 0) {
            results.add(new Figure(name, "SQL statements per order", "statements"), step.statementsPerOrder());
        }
        int placed = placements.orderIds().size();
        int notEnded = placed - step.ended();
        int rejected = (int) placements.orderIds().stream()
                .map(step.timeline()::get)
                .filter(order -> order != null && order.ended() != null && !order.accepted())
                .count();
        if (notEnded > 0 || rejected > 0 || placements.failures() > 0 || placements.shedCount() > 0) {
            results.note(name + ": of " + placed + " orders placed " + notEnded + " had not ended after the "
                    + scale.drainLimit().toSeconds() + " s drain, " + rejected + " were rejected; "
                    + placements.failures()
                    + " POSTs failed"
                    + (placements.firstFailure() == null ? "" : " (first: " + placements.firstFailure() + ")")
                    + "; " + placements.shedCount() + " arrivals shed (" + OpenLoop.MAX_IN_FLIGHT + " unanswered)");
        }
    }
}
