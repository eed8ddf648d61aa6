package io.sourced.bench;

import io.sourced.bench.Results.Figure;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Orders through the whole workflow (placed, stock reserved, paid, accepted) on a running application, at a fixed
 * concurrency (closed loop) and at a fixed arrival rate (open loop). Each step waits for its orders to end, then for
 * every event processor to reach the head of the event store (the database's counts of the step are read then),
 * before the next one starts: steps do not carry each other's backlog.
 *
 * <p>Each application is warmed up first, by the closed loop until its JIT compilation is quiet ({@link WarmUp}).
 *
 * <p>With a previous jar, both applications run at once, each on a store of its own, and are loaded in turn (the
 * other idles meanwhile): a warm-up each, then the same closed loop and open loop, at the same offered rate (half
 * what this jar's closed loop ended, or {@code --rate}). Each round of repetitions alternates which jar goes first, so
 * that neither is always the one measured on a machine warmed (or disturbed) by the other.
 */
final class WorkflowBench {

    /** How one step offers its load. */
    interface Load {
        Placements run(SourcedApi api, Shop shop, Duration duration, Consumer<String> onPlaced)
                throws InterruptedException;
    }

    /** A jar under the workflow: its running application and store; {@code name} null for this jar. */
    record Jar(String name, AppProcess app, Store store) {

        /** The step's name in the report: "Workflow postgres, previous jar, closed loop 16 clients". */
        String step(String load) {
            return "Workflow " + store.kind() + (name == null ? "" : ", " + name) + ", " + load;
        }

        String title() {
            return name == null ? "this jar" : name;
        }
    }

    static final Duration SETTLE_POLL = Duration.ofMillis(50);

    /** A ramp's rate is sustained when at least this share of it ends a second (see {@link #ramp}). */
    static final double SUSTAINED_SHARE = 0.95;

    /** ...and its orders' placed-to-accepted p99 stays within this. */
    static final Duration SUSTAINED_P99 = Duration.ofSeconds(2);

    /**
     * A ramp gives a rate up only when it failed this many steps in a row: one pause of the machine (a collection, a
     * checkpoint of the store) in a step of seconds is not the application's limit.
     */
    static final int ATTEMPTS_PER_RATE = 2;

    /**
     * How long a step waits after its drain for the processors to reach the head: long enough for the backlog a closed
     * loop without admission control leaves, so that the next step starts on a quiet application.
     */
    static final Duration SETTLE_LIMIT = Duration.ofMinutes(5);

    private final Scale scale;
    private final Results results;
    private final Figure ordersLimit;

    WorkflowBench(Scale scale, Results results, Figure ordersLimit) {
        this.scale = scale;
        this.results = results;
        this.ordersLimit = ordersLimit;
    }

    void run(List<Jar> jars) throws Exception {
        List<Subject> subjects = new ArrayList<>();
        String openLoad = null;
        try {
            for (Jar jar : jars) {
                subjects.add(Subject.open(jar, scale));
            }
            Load closed = (api, shop, duration, onPlaced) ->
                    ClosedLoop.run(api, shop, scale.concurrency(), duration, onPlaced);
            for (Subject subject : subjects) {
                warmUp(subject);
            }
            int round = 0;
            for (int i = 0; i < scale.repetitions(); i++, round++) {
                for (Subject subject : inTurn(subjects, round)) {
                    subject.closed.add(step(subject, subjects, closed, scale.step()));
                }
            }
            String closedLoad = "closed loop " + scale.concurrency() + " clients";
            for (Subject subject : subjects) {
                subject.closed.forEach(step -> record(subject.jar.step(closedLoad), step));
            }
            int rate = arrivalRate(subjects.get(0));
            Load open = (api, shop, duration, onPlaced) -> OpenLoop.run(api, shop, rate, duration, onPlaced);
            for (int i = 0; i < scale.repetitions(); i++, round++) {
                for (Subject subject : inTurn(subjects, round)) {
                    subject.open.add(step(subject, subjects, open, scale.step()));
                }
            }
            openLoad = "open loop " + rate + " orders/s offered";
            for (Subject subject : subjects) {
                String name = subject.jar.step(openLoad);
                subject.open.forEach(step -> record(name, step));
            }
        } finally {
            // a step cut short still shows the breakdown of those measured
            readSideSection(subjects, openLoad);
            noteSideBySide(subjects);
            for (Subject subject : subjects) {
                subject.close();
            }
        }
    }

    /** Round 0 in the given order, round 1 the other way round, and so on. */
    private static List<Subject> inTurn(List<Subject> subjects, int round) {
        List<Subject> order = new ArrayList<>(subjects);
        if (round % 2 == 1) {
            Collections.reverse(order);
        }
        return order;
    }

    /** One jar's application, the runner's connections to its store, and what its steps measured. */
    private static final class Subject implements AutoCloseable {
        final Jar jar;
        final SourcedApi api;
        final Shop shop;
        final ProcessProbe probe;
        final Connection reader;
        final ViewWatcher watcher;
        final List<Step> closed = new ArrayList<>();
        final List<Step> open = new ArrayList<>();
        /** This application's CPU while another jar's step ran beside it, in cores. */
        final List<Double> idleCores = new ArrayList<>();

        private Subject(Jar jar, Shop shop, Connection reader, ViewWatcher watcher) {
            this.jar = jar;
            this.api = new SourcedApi(jar.app().base());
            this.shop = shop;
            this.probe = new ProcessProbe(jar.app().pid());
            this.reader = reader;
            this.watcher = watcher;
        }

        static Subject open(Jar jar, Scale scale) throws Exception {
            Shop shop = Shop.open(new SourcedApi(jar.app().base()), scale.customers(), scale.products());
            if (jar.store() instanceof Store.Postgres postgres) {
                TokenWrites.install(postgres);
            }
            Connection reader = watching(jar.store().connect());
            try {
                return new Subject(
                        jar, shop, reader, new ViewWatcher(watching(jar.store().connect())));
            } catch (SQLException | RuntimeException e) {
                reader.close();
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            try (reader;
                    watcher) {
                // both closed
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
    /** The open loop's rate: {@code --rate}, or half the highest rate this jar sustained in {@link #ramp}. */
    private int arrivalRate(Subject subject) throws Exception {
        if (scale.arrivalRate() > 0) {
            return scale.arrivalRate();
        }
        return Math.max(1, ramp(subject) / 2);
    }

    /**
     * Open-loop rates from a tenth of what the closed loop ended, each a quarter higher than the last, one step each,
     * until one is not sustained in {@link #ATTEMPTS_PER_RATE} steps: its orders ended at less than {@link #SUSTAINED_SHARE} of the rate offered (the
     * backlog grew), or their placed-to-accepted p99 exceeded {@link #SUSTAINED_P99}. The closed loop's own figure
     * cannot say this: without admission control it places orders faster than the workflow ends them, and ends them
     * in large efficient batches from that backlog, which a steady arrival rate never builds.
     */
    private int ramp(Subject subject) throws Exception {
        Summary closed =
                Summary.of(subject.closed.stream().map(Step::ordersPerSecond).toList());
        String name = subject.jar.step("open-loop ramp");
        int sustained = 0;
        StringBuilder rates = new StringBuilder();
        for (double rate = Math.max(2, closed.median() / 10); ; rate *= 1.25) {
            int offered = (int) Math.round(rate);
            Load open = (api, shop, duration, onPlaced) -> OpenLoop.run(api, shop, offered, duration, onPlaced);
            boolean kept = false;
            for (int attempt = 0; attempt < ATTEMPTS_PER_RATE && !kept; attempt++) {
                Step step = step(subject, List.of(subject), open, scale.step());
                double ended = step.ordersPerSecond();
                double p99 = step.placedToAccepted().percentile(99);
                kept = ended >= SUSTAINED_SHARE * offered && p99 <= SUSTAINED_P99.toMillis() && step.settled();
                rates.append(String.format(
                        Locale.ROOT,
                        "%s%d offered: %.1f ended, p99 %.0f ms%s",
                        rates.isEmpty() ? "" : "; ",
                        offered,
                        ended,
                        p99,
                        kept ? "" : " (not sustained)"));
            }
            if (!kept) {
                break;
            }
            sustained = offered;
        }
        results.add(new Figure(name, "highest rate sustained", "orders/s"), sustained);
        results.note(name + ", " + scale.step().toSeconds() + " s a rate: " + rates);
        return sustained;
    }

    /**
     * CPU time per order ended, from the load's start until every processor reached the head: the application's (of
     * which {@code compileSeconds} its JIT compilers'), and every PostgreSQL process's on this machine (zero under H2,
     * or a server elsewhere).
     */
    record CpuPerOrder(double appSeconds, double compileSeconds, double postgresSeconds, int ended) {
        double appMillis() {
            return ended == 0 ? 0 : appSeconds * 1000 / ended;
        }

        double appMillisWithoutCompilation() {
            return ended == 0 ? 0 : (appSeconds - compileSeconds) * 1000 / ended;
        }

        double postgresMillis() {
            return ended == 0 ? 0 : postgresSeconds * 1000 / ended;
        }
    }

    /** What one step measured. */
    record Step(
            Placements placements,
            Map<String, OrderTimeline.Order> timeline,
            Map<String, ViewWatcher.Sighting> sightings,
            double cpuCores,
            double compileCores,
            double peakRssMegabytes,
            CpuPerOrder cpuPerOrder,
            DatabaseWork.Delta work,
            boolean settled,
            MetricsScraper.Scrapes scrapes) {

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

    private Step step(Subject subject, List<Subject> all, Load load, Duration duration) throws Exception {
        long head = OrderTimeline.head(subject.reader);
        subject.probe.resetPeak();
        ProcessProbe.Compilation compiledAtStart = subject.probe.compilation();
        ProcessProbe.Span cpu = subject.probe.span();
        List<ProcessProbe.Span> idle = all.stream()
                .filter(other -> other != subject)
                .map(other -> other.probe.span())
                .toList();
        DatabaseWork before = DatabaseWork.of(subject.reader);
        double postgresAtStart = PostgresCpu.seconds();
        // Prometheus beside the load: its scrapes' cost to the application is in the step's CPU
        MetricsScraper scraper = MetricsScraper.start(subject.jar.app().base());
        Placements placements;
        double cores;
        double rss;
        boolean settled;
        MetricsScraper.Scrapes scrapes;
        try {
            placements = load.run(subject.api, subject.shop, duration, subject.watcher::expect);
            subject.watcher.awaitTerminal(scale.drainLimit());
            cores = cpu.cores();
            rss = subject.probe.peakRssMegabytes();
            List<Subject> others =
                    all.stream().filter(other -> other != subject).toList();
            for (int i = 0; i < others.size(); i++) {
                others.get(i).idleCores.add(idle.get(i).cores());
            }
            settled = settle(subject);
        } finally {
            scrapes = scraper.stop();
        }
        double appCpuSeconds = cpu.seconds();
        ProcessProbe.Compilation compiled = subject.probe.compilation();
        double postgresCpuSeconds = PostgresCpu.seconds() - postgresAtStart;
        DatabaseWork after = DatabaseWork.of(subject.reader);
        Map<String, OrderTimeline.Order> timeline = OrderTimeline.after(subject.reader, head);
        int ended = Step.ended(placements, timeline).size();
        return new Step(
                placements,
                timeline,
                subject.watcher.takeSightings(),
                cores,
                compiled.coresSince(compiledAtStart),
                rss,
                new CpuPerOrder(appCpuSeconds, compiled.secondsSince(compiledAtStart), postgresCpuSeconds, ended),
                after.since(before, ended),
                settled,
                scrapes);
    }

    /**
     * The closed loop in slices until the application's JIT compilation over the last one's load is quiet, or the cap;
     * after each slice the drain and the processors' catching up, as after a step, so that the next slice and the first
     * repetition carry none of it.
     */
    private void warmUp(Subject subject) throws Exception {
        AtomicReference<ProcessProbe.Compilation> last = new AtomicReference<>(subject.probe.compilation());
        WarmUp.Outcome outcome = scale.warmup().run(length -> {
            ClosedLoop.run(subject.api, subject.shop, scale.concurrency(), length, subject.watcher::expect);
            double cores = subject.probe.compilation().coresSince(last.get());
            // each slice drained: a closed loop without admission control outruns the workflow, and minutes of it
            // would leave a backlog whose timeouts the measured steps would then pay for
            subject.watcher.awaitTerminal(scale.drainLimit());
            settle(subject);
            last.set(subject.probe.compilation());
            return cores;
        });
        subject.watcher.takeSightings();
        results.note(String.format(
                Locale.ROOT,
                "Workflow %s, %s: warmed up by the closed loop for %d s (%d slices), its last slice's JIT compilation"
                        + " %.3f cores (%s %.2f)",
                subject.jar.store().kind(),
                subject.jar.title(),
                outcome.loaded().toSeconds(),
                outcome.slices(),
                outcome.lastSliceCores(),
                outcome.quiet() ? "below" : "the cap reached, still not below",
                WarmUp.QUIET_CORES));
    }

    /**
     * Waits, at most {@link #SETTLE_LIMIT}, until every event processor of the application reached the head of its event
     * store (its tokens, polled every {@link #SETTLE_POLL}): the work of the step's orders is then all counted in the step, and none
     * of it carried into the next step (nor into the other jar's, beside it). False if it did not within the limit.
     */
    private boolean settle(Subject subject) throws Exception {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        while (true) {
            long head = OrderTimeline.head(subject.reader);
            if (ViewReplay.positions(subject.reader).values().stream().allMatch(position -> position >= head)) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(SETTLE_POLL.toMillis());
        }
    }

    private void record(String name, Step step) {
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
        Latencies viewLag = step.viewLag();
        results.add(new Figure(name, "view lag p50", "ms"), viewLag.percentile(50));
        results.add(new Figure(name, "view lag p99", "ms"), viewLag.percentile(99));
        results.add(new Figure(name, "app peak RSS", "MB"), step.peakRssMegabytes());
        results.add(new Figure(name, "app CPU", "cores"), step.cpuCores());
        results.add(
                new Figure(name, "app CPU per order", "ms"), step.cpuPerOrder().appMillis());
        results.add(new Figure(name, "app JIT compilation", "cores"), step.compileCores());
        results.add(
                new Figure(name, "app CPU per order without JIT compilation", "ms"),
                step.cpuPerOrder().appMillisWithoutCompilation());
        if (step.work().commitsPerOrder() >= 0) {
            results.add(
                    new Figure(name, "PostgreSQL CPU per order", "ms"),
                    step.cpuPerOrder().postgresMillis());
        }
        DatabaseWork.Delta work = step.work();
        if (work.commitsPerOrder() >= 0) {
            results.add(new Figure(name, "database commits per order", "commits"), work.commitsPerOrder());
        }
        if (work.statementsPerOrder() >= 0) {
            results.add(new Figure(name, "SQL statements per order", "statements"), work.statementsPerOrder());
        }
        if (work.readSideTransactionsPerOrder() >= 0) {
            results.add(
                    new Figure(name, "read-side transactions per order", "token writes"),
                    work.readSideTransactionsPerOrder());
        }
        if (work.readSideStatementsPerOrder() >= 0) {
            results.add(
                    new Figure(name, "read-side SQL statements per order", "statements"),
                    work.readSideStatementsPerOrder());
        }
        MetricsScraper.Scrapes scrapes = step.scrapes();
        results.add(
                new Figure(name, "metrics scrape latency p50", "ms"),
                scrapes.latencies().percentile(50));
        results.add(
                new Figure(name, "metrics scrape latency p99", "ms"),
                scrapes.latencies().percentile(99));
        results.add(new Figure(name, "metrics scrape size", "KB"), scrapes.largestBytes() / 1024.0);
        if (scrapes.failures() > 0) {
            results.note(name + ": " + scrapes.failures() + " scrapes of /actuator/prometheus failed (of "
                    + (scrapes.failures() + scrapes.latencies().count()) + ")");
        }
        if (!step.settled()) {
            results.note(name + ": the application's processors had not all reached the head of the event store "
                    + SETTLE_LIMIT.toMinutes() + " min after the drain; the database's counts of the step miss"
                    + " what they did after");
        }
        if (work.evicted()) {
            results.note(name + ": pg_stat_statements evicted entries during a repetition (`pg_stat_statements.max`"
                    + " reached): its statement counts are too low");
        }
        int placed = placements.orderIds().size();
        int notEnded = placed - step.ended();
        int rejected = (int) placements.orderIds().stream()
                .map(step.timeline()::get)
                .filter(order -> order != null && order.ended() != null && !order.accepted())
                .count();
        if (notEnded > 0
                || rejected > 0
                || placements.failures() > 0
                || placements.shedCount() > 0
                || placements.refusedCount() > 0) {
            results.note(name + ": of " + placed + " orders placed " + notEnded + " had not ended after the "
                    + scale.drainLimit().toSeconds() + " s drain, " + rejected + " were rejected; "
                    + placements.failures()
                    + " POSTs failed"
                    + (placements.firstFailure() == null ? "" : " (first: " + placements.firstFailure() + ")")
                    + "; " + placements.refusedCount() + " refused (429, the workflow behind its admission limit)"
                    + "; " + placements.shedCount() + " arrivals shed (" + OpenLoop.MAX_IN_FLIGHT + " unanswered)");
        }
    }

    /** How much the idle jar used while the other was loaded: the cost of running them side by side. */
    private void noteSideBySide(List<Subject> subjects) {
        if (subjects.size() < 2) {
            return;
        }
        StringBuilder note = new StringBuilder("Workflow ")
                .append(subjects.get(0).jar.store().kind())
                .append(": the jars ran side by side, each on a store of its own, loaded in turn (each round of"
                        + " repetitions the other jar first); while one was loaded the other idled at");
        for (int i = 0; i < subjects.size(); i++) {
            Subject subject = subjects.get(i);
            note.append(i == 0 ? " " : ", ")
                    .append(Summary.of(subject.idleCores).medianText())
                    .append(" cores (")
                    .append(subject.jar.title())
                    .append(", median)");
        }
        results.note(note.append(
                        " (each step waits for the loaded application's processors to reach the head of its"
                                + " event store before the next starts). The open-loop rate of both is half the highest rate this jar sustained in its ramp")
                .append(scale.arrivalRate() > 0 ? " (here fixed by --rate)" : "")
                .append('.')
                .toString());
    }

    /** A column of the breakdown: one jar's steps of one load. */
    private record Column(String title, List<Step> steps) {

        String median(ToDoubleFunction<DatabaseWork.Delta> perOrder) {
            List<Double> values = steps.stream()
                    .map(Step::work)
                    .mapToDouble(perOrder)
                    .filter(value -> value >= 0)
                    .boxed()
                    .toList();
            return Summary.of(values).medianText();
        }
    }

    /**
     * The read side's share of the database's work per order, broken down: token writes (transactions) by processor
     * and statements by kind, each the median of a step's repetitions, for every jar and load measured.
     */
    private void readSideSection(List<Subject> subjects, String openLoad) {
        List<Column> columns = new ArrayList<>();
        for (Subject subject : subjects) {
            columns.add(new Column(
                    "closed loop " + scale.concurrency() + " clients, " + subject.jar.title(), subject.closed));
        }
        for (Subject subject : subjects) {
            columns.add(
                    new Column((openLoad == null ? "open loop" : openLoad) + ", " + subject.jar.title(), subject.open));
        }
        columns.removeIf(column -> column.steps().stream()
                .noneMatch(
                        step -> step.work().tokenWrites() != null || step.work().statements() != null));
        if (columns.isEmpty()) {
            return;
        }
        TreeSet<String> processors = new TreeSet<>();
        columns.forEach(column -> column.steps().forEach(step -> {
            if (step.work().tokenWrites() != null) {
                processors.addAll(step.work().tokenWrites().keySet());
            }
        }));
        String kind = subjects.get(0).jar.store().kind();
        StringBuilder text = new StringBuilder("Workflow ")
                .append(kind)
                .append(": the read side's share of the database work, per order ended (medians of the repetitions;"
                        + " the read side is every event processor but ")
                .append(String.join(
                        " and ",
                        TokenWrites.NOT_READ_SIDE.stream()
                                .sorted()
                                .map(name -> "`" + name + "`")
                                .toList()))
                .append("). Tracking-token writes (transactions) by processor:\n\n");
        header(text, "processor", columns);
        for (String processor : processors) {
            row(
                    text,
                    "`" + processor + "`" + (TokenWrites.readSide(processor) ? "" : " (not read side)"),
                    columns,
                    work -> work.tokenWritesPerOrder(processor));
        }
        row(text, "**read side**", columns, DatabaseWork.Delta::readSideTransactionsPerOrder);
        text.append("\nSQL statements (`pg_stat_statements`) by kind:\n\n");
        header(text, "kind", columns);
        for (StatementKind statementKind : StatementKind.values()) {
            row(text, statementKind.description(), columns, work -> work.statementsPerOrder(statementKind));
        }
        row(text, "all (the figure *SQL statements per order*)", columns, DatabaseWork.Delta::statementsPerOrder);
        row(
                text,
                "**read side**: its own, and a `BEGIN` and a token `UPDATE` per read-side transaction",
                columns,
                DatabaseWork.Delta::readSideStatementsPerOrder);
        results.section(text.toString());
    }

    private static void header(StringBuilder text, String first, List<Column> columns) {
        text.append("| ").append(first);
        columns.forEach(column -> text.append(" | ").append(column.title()));
        text.append(" |\n| ---");
        columns.forEach(column -> text.append(" | ---:"));
        text.append(" |\n");
    }

    private static void row(
            StringBuilder text, String name, List<Column> columns, ToDoubleFunction<DatabaseWork.Delta> perOrder) {
        text.append("| ").append(name);
        columns.forEach(column -> text.append(" | ").append(column.median(perOrder)));
        text.append(" |\n");
    }
}
