package io.sourced.bench;

import io.sourced.bench.Options.Step;
import io.sourced.bench.Results.Figure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark: the application jar measured on the embedded default (H2) and under {@code postgres}, against the
 * limits of the same machine's databases measured in the same run. Prints a Markdown table and writes it to
 * {@code bench/results/<yyyy-MM-dd-HHmm>-<label>.md}.
 */
public final class Bench {

    private static final Figure H2_INSERTS =
            new Figure("Limit H2 (embedded, in the runner)", "single-row transactions, 16 clients", "rows/s");
    private static final Figure POSTGRES_INSERTS =
            new Figure("Limit postgres", "single-row transactions, 16 clients", "rows/s");
    private static final Figure POSTGRES_SCAN =
            new Figure("Limit postgres", "keyset scan of the event table, batches of " + ScanLimit.BATCH, "rows/s");

    /** How the rows of the {@code --baseline-jar} are named. */
    static final String PREVIOUS_JAR = "previous jar";

    private final Options options;
    private final Scale scale;
    private final PostgresServer postgres;
    private final Path work;
    private final Partners partners;
    private final Results results = new Results();
    private final long started = System.nanoTime();

    private Bench(Options options, Path work, Partners partners) {
        this.options = options;
        this.scale = options.scale();
        this.postgres = new PostgresServer(options.postgresUrl());
        this.work = work;
        this.partners = partners;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // the no-op replay keeps its token in memory on purpose
        System.setProperty("org.slf4j.simpleLogger.log.org.axonframework.eventhandling.tokenstore.inmemory", "error");
        // after shutDown() the no-op replay's event store still reads a moment, and reports its pool closed
        System.setProperty(
                "org.slf4j.simpleLogger.log.org.axonframework.eventsourcing.eventstore.EmbeddedEventStore", "off");
        Options options;
        try {
            options = Options.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.appJar())) {
            System.err.println("no application jar at " + options.appJar() + ": build it first (bench/run does)");
            System.exit(2);
        }
        // an application left running by a failed or interrupted run would skew whatever runs next
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
        String loadAtStart = Report.loadAverage();
        Path work = Files.createTempDirectory("sourced-bench-");
        Partners partners = options.inProcessSimulators() ? Partners.inTheApplication() : Partners.served();
        Bench bench = new Bench(options, work, partners);
        bench.postgres.check();
        boolean complete = true;
        try (partners) {
            if (options.soak()) {
                bench.soak();
            } else {
                bench.run();
            }
        } catch (Exception e) {
            // on a shared machine a run can be cut short (a database restarted under it): keep what was measured
            complete = false;
            e.printStackTrace();
            bench.results.note("**The run stopped early** (" + e + "): the figures above are those measured until"
                    + " then. The applications' logs are kept under " + work + ".");
        }
        String report = new Report(
                        options,
                        bench.results,
                        bench.postgres,
                        Duration.ofNanos(System.nanoTime() - bench.started),
                        loadAtStart)
                .markdown();
        System.out.println(report);
        Files.createDirectories(options.results());
        Path file = options.results()
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + "-"
                        + options.label() + (complete ? "" : "-incomplete") + ".md");
        Files.writeString(file, report);
        System.err.println("written to " + file);
        if (complete && System.getenv("SOURCED_BENCH_PROFILE") == null) {
            deleteRecursively(work);
        } else {
            System.err.println("the applications' folders (logs, recordings) are kept under " + work);
        }
        System.exit(complete ? 0 : 1); // the HTTP clients' and Axon's threads need not be waited for
    }

    private void run() throws Exception {
        if (options.runs(Step.WORKFLOW_H2)) {
            workflow(true, H2_INSERTS);
        }
        if (options.runs(Step.WORKFLOW_POSTGRES)) {
            workflow(false, POSTGRES_INSERTS);
        }
        if (options.runs(Step.APPEND)) {
            append();
        }
        boolean replay = options.runs(Step.REPLAY);
        boolean timeline = options.runs(Step.TIMELINE);
        if (!options.runs(Step.STARTUP) && !replay && !timeline) {
            return;
        }
        Store.Postgres history =
                options.runs(Step.STARTUP) || replay ? startUpOnEmptyDatabases() : databaseOfTheApplication();
        try {
            long events = replay || timeline ? fillHistory(history) : 0;
            if (replay) {
                scanLimit(history);
                noOpReplays(history, events);
                startUpOnFullDatabaseThenRebuildViews(history, events);
            }
            if (timeline) {
                timelines(history, events);
            }
        } finally {
            history.drop();
        }
    }

    /** A separate mode: the workflow at half load for minutes under postgres, memory sampled as it goes. */
    private void soak() throws Exception {
        progress("soak on postgres for " + scale.soak().toMinutes() + " min");
        Store.Postgres store = postgres.createDatabase("soak");
        try (AppProcess app = start(store, "soak", List.of())) {
            new SoakBench(app, store, scale, results).run(scale.soak());
        } finally {
            store.drop();
        }
    }

    /**
     * The workflow on a new store (with {@code --baseline-jar}, the previous jar's beside it on a store of its own);
     * then, the applications stopped, the insert limit of this jar's event table (H2's).
     */
    private void workflow(boolean h2, Figure ordersLimit) throws Exception {
        String kind = h2 ? "H2" : "postgres";
        progress("workflow on " + kind + (options.baselineJar() == null ? "" : ", this jar and the previous one"));
        List<Store> stores = new ArrayList<>();
        try {
            List<AppProcess> apps = new ArrayList<>();
            try {
                List<WorkflowBench.Jar> jars = new ArrayList<>();
                jars.add(workflowJar(h2, null, options.appJar(), stores, apps));
                if (options.baselineJar() != null) {
                    jars.add(workflowJar(h2, PREVIOUS_JAR, options.baselineJar(), stores, apps));
                }
                new WorkflowBench(scale, results, ordersLimit).run(jars);
            } finally {
                for (AppProcess app : apps) {
                    app.close();
                }
            }
            if (h2) {
                insertLimit(stores.get(0), H2_INSERTS);
            }
        } finally {
            for (Store store : stores) {
                store.drop();
            }
        }
    }

    /** A jar of the workflow step started on a new store of its own (on H2, its start-up measured too). */
    private WorkflowBench.Jar workflowJar(boolean h2, String name, Path jar, List<Store> stores, List<AppProcess> apps)
            throws Exception {
        String suffix = name == null ? "" : "-previous";
        Store store = h2
                ? new Store.H2(work.resolve("h2" + suffix))
                : postgres.createDatabase("workflow" + suffix.replace('-', '_'));
        stores.add(store);
        AppProcess app = start(jar, store, "workflow-" + store.kind() + suffix, List.of());
        apps.add(app);
        if (h2) {
            results.add(
                    new Figure(
                            "Start-up H2" + (name == null ? "" : ", " + name),
                            "java -jar to healthy, empty database",
                            "s"),
                    app.secondsToHealthy());
        }
        return new WorkflowBench.Jar(name, app, store);
    }

    /** Appends by commands alone; then, the application stopped, the insert limit of the same event table. */
    private void append() throws Exception {
        progress("append on postgres, command role only");
        Store.Postgres store = postgres.createDatabase("append");
        try {
            // no saga decides these orders: admission control would refuse new ones once the first waited too long
            try (AppProcess app =
                    start(store, "append", List.of("--sourced.roles=command", "--sourced.admission.enabled=false"))) {
                AppendBench.run(app, store, scale, results, POSTGRES_INSERTS);
            }
            insertLimit(store, POSTGRES_INSERTS);
        } finally {
            store.drop();
        }
    }

    private void insertLimit(Store store, Figure figure) throws Exception {
        progress("limit: single-row inserts on " + store.kind());
        InsertLimit limit = new InsertLimit(store::connect);
        limit.rowsPerSecond(scale.concurrency(), scale.warmup().least());
        for (int i = 0; i < scale.repetitions(); i++) {
            results.add(
                    figure,
                    limit.rowsPerSecond(scale.concurrency(), scale.step().dividedBy(2)));
        }
    }

    /** Start-ups on new databases; the last database, created by the application, is kept for the history. */
    private Store.Postgres startUpOnEmptyDatabases() throws Exception {
        progress("start-up on empty postgres databases");
        Figure figure = new Figure("Start-up postgres", "java -jar to healthy, empty database", "s");
        for (int i = 0; i < scale.startups(); i++) {
            Store.Postgres store = postgres.createDatabase("history");
            try (AppProcess app = start(store, "startup-empty-" + i, List.of())) {
                results.add(figure, app.secondsToHealthy());
            }
            if (i == scale.startups() - 1) {
                return store;
            }
            store.drop();
        }
        throw new IllegalStateException("no start-up measured");
    }

    /** A new database whose tables the application created (started once, not measured), for the history. */
    private Store.Postgres databaseOfTheApplication() throws Exception {
        Store.Postgres store = postgres.createDatabase("history");
        try {
            start(store, "history-schema", List.of()).close();
            return store;
        } catch (Exception e) {
            store.drop();
            throw e;
        }
    }

    /**
     * What-if timelines over the whole history: a first one with no rule changed (the application cold), then in
     * each repetition one with no rule changed and one with the prices changed.
     */
    private void timelines(Store.Postgres store, long events) throws Exception {
        progress("what-if timelines over the history");
        if (options.baselineJar() != null) {
            results.note("Timeline: the previous jar has no what-if timelines, nothing to compare: this jar only.");
        }
        String step = "Timeline postgres, " + events + " events";
        try (AppProcess app = start(store, "timeline", List.of())) {
            SourcedApi api = new SourcedApi(app.base());
            TimelineBench.Period period = TimelineBench.Period.wholeLog(store);
            List<TimelineBench.Measured> noRule = new ArrayList<>();
            List<TimelineBench.Measured> priceChange = new ArrayList<>();
            try {
                timelineRuns(step, app, api, store, period, noRule, priceChange);
            } catch (TimelineBench.Stalled stalled) {
                results.add(new Figure(step, "the timeline that stalled: its progress", "0..1"), stalled.progress);
                results.add(new Figure(step, "the timeline that stalled: POST to stopped", "s"), stalled.seconds);
                results.add(
                        new Figure(step, "the timeline that stalled: app peak RSS", "MB"), stalled.peakRssMegabytes);
                results.note("Timeline: a timeline's progress moved less than " + TimelineBench.STALL_LEAST
                        + " in " + TimelineBench.STALL.toMinutes() + " min, at " + Results.twoDigits(stalled.progress)
                        + " ("
                        + Math.round(stalled.seconds)
                        + " s after its POST): stopped (`DELETE`), and the step with it; a timeline that stalls has"
                        + " usually filled the application's heap (`" + AppProcess.HEAP + "`).");
            }
            if (!noRule.isEmpty()) {
                noteAgreement(noRule, priceChange);
            }
        }
    }

    private void timelineRuns(
            String step,
            AppProcess app,
            SourcedApi api,
            Store store,
            TimelineBench.Period period,
            List<TimelineBench.Measured> noRule,
            List<TimelineBench.Measured> priceChange)
            throws Exception {
        noRule.add(timeline(step, "no rule changed, the first (cold)", app, api, store, period, TimelineBench.NO_RULE));
        for (int r = 0; r < scale.repetitions(); r++) {
            noRule.add(timeline(step, "no rule changed", app, api, store, period, TimelineBench.NO_RULE));
            priceChange.add(timeline(step, "prices +10 %", app, api, store, period, TimelineBench.PRICE_CHANGE));
        }
    }

    private TimelineBench.Measured timeline(
            String step,
            String name,
            AppProcess app,
            SourcedApi api,
            Store store,
            TimelineBench.Period period,
            Map<String, Object> rules)
            throws Exception {
        TimelineBench.Measured measured =
                TimelineBench.run(api, app, store, name, period, rules, scale.timelineLimit());
        Figure rate = new Figure(step, name + ": events read", "events/s");
        results.add(rate, measured.eventsPerSecond());
        results.boundBy(rate, POSTGRES_SCAN);
        results.add(new Figure(step, name + ": POST to DONE", "s"), measured.seconds());
        results.add(new Figure(step, name + ": application CPU", "cores"), measured.appCores());
        results.add(
                new Figure(step, name + ": app peak RSS" + (measured.peakSinceStart() ? " since its start" : ""), "MB"),
                measured.peakRssMegabytes());
        return measured;
    }

    /** Whether the timelines with no rule changed reproduced the log, and what the price change made of it. */
    private void noteAgreement(List<TimelineBench.Measured> noRule, List<TimelineBench.Measured> priceChange) {
        TimelineAnswer first = noRule.get(0).answer();
        List<TimelineAnswer> disagreeing = noRule.stream()
                .map(TimelineBench.Measured::answer)
                .filter(answer -> !answer.whatIfAgrees())
                .toList();
        String agreement = disagreeing.isEmpty()
                ? "agreed with the log in all " + noRule.size() + " timelines"
                : "**disagreed** with the log in " + disagreeing.size() + " of " + noRule.size()
                        + " timelines (the first: what-if " + disagreeing.get(0).whatIf() + ", "
                        + disagreeing.get(0).ordersChanged() + " orders ended otherwise)";
        results.note("Timeline, no rule changed: the what-if " + agreement + "; " + first.eventsRead()
                + " events read, the log's outcome " + first.actual() + ".");
        priceChange.stream()
                .findFirst()
                .map(TimelineBench.Measured::answer)
                .ifPresent(answer -> results.note("Timeline, prices +10 %: revenue " + answer.actualRevenue()
                        + " in the log, " + answer.whatIfRevenue() + " in the what-if; " + answer.ordersChanged()
                        + " orders ended otherwise."));
    }

    private long fillHistory(Store.Postgres store) throws Exception {
        progress("writing a history of " + scale.historyEvents() + " events");
        try (Connection connection = store.connect()) {
            long events = OrderHistory.fill(connection, scale.historyEvents(), scale.products(), scale.customers());
            progress("history written: " + events + " events");
            return events;
        }
    }

    private void scanLimit(Store.Postgres store) throws Exception {
        progress("limit: keyset scan");
        try (Connection connection = store.connect()) {
            ScanLimit.rowsPerSecond(connection);
            for (int i = 0; i < scale.repetitions(); i++) {
                results.add(POSTGRES_SCAN, ScanLimit.rowsPerSecond(connection));
            }
        }
    }

    private void noOpReplays(Store.Postgres store, long events) throws Exception {
        progress("replay through a no-op handler");
        Figure figure =
                new Figure(replayStep(events), "no-op handler (Axon tracking processor in the runner)", "events/s");
        results.boundBy(figure, POSTGRES_SCAN);
        for (int i = 0; i < scale.repetitions(); i++) {
            Progress progress = NoOpReplay.run(store, events, scale.replayLimit());
            results.add(figure, progress.eventsPerSecond());
            noteIfCapped(figure, progress);
        }
    }

    private void startUpOnFullDatabaseThenRebuildViews(Store.Postgres store, long events) throws Exception {
        progress("start-up on the full database, then rebuilds of every view");
        Figure startUp = new Figure("Start-up postgres", "java -jar to healthy, " + events + " events", "s");
        for (int i = 0; i < scale.startups(); i++) {
            AppProcess app = start(store, "startup-full-" + i, List.of());
            results.add(startUp, app.secondsToHealthy());
            if (i < scale.startups() - 1) {
                app.close();
                continue;
            }
            try (app) {
                for (int r = 0; r < scale.repetitions(); r++) {
                    record(
                            events,
                            "this jar, POST /api/admin/views/rebuild",
                            ViewRebuildBench.rebuild(new SourcedApi(app.base()), app, store, scale.rebuildLimit()));
                }
            }
        }
        if (options.baselineJar() != null) {
            progress("the previous jar replays each view processor");
            try (AppProcess app = start(options.baselineJar(), store, "replay-baseline", List.of())) {
                record(
                        events,
                        PREVIOUS_JAR + ", a replay of each view processor",
                        ViewRebuildBench.replayEach(new SourcedApi(app.base()), app, store, scale.rebuildLimit()));
            }
        }
    }

    /** A rebuild of every view: its rate and time, and the cores the application and PostgreSQL used meanwhile. */
    private void record(long events, String name, ViewRebuildBench.Measured measured) {
        String step = "Rebuild every view postgres, " + events + " events, to completion";
        Figure rate = new Figure(step, name, "events/s");
        results.add(rate, measured.eventsPerSecond());
        results.boundBy(rate, POSTGRES_SCAN);
        results.add(new Figure(step, name + ": seconds", "s"), measured.seconds());
        results.add(new Figure(step, name + ": application CPU", "cores"), measured.appCores());
        results.add(new Figure(step, name + ": PostgreSQL CPU", "cores"), measured.postgresCores());
    }

    private String replayStep(long events) {
        return "Replay postgres, " + events + " events";
    }

    private void noteIfCapped(Figure figure, Progress progress) {
        if (!progress.done()) {
            results.note(figure.step() + ", " + figure.name() + ": stopped at the "
                    + scale.replayLimit().toSeconds() + " s limit after " + progress.events()
                    + " events; the rate is of those");
        }
    }

    private AppProcess start(Store store, String name, List<String> extraArguments) throws Exception {
        return start(options.appJar(), store, name, extraArguments);
    }

    private AppProcess start(Path jar, Store store, String name, List<String> extraArguments) throws Exception {
        Path folder = work.resolve(name);
        List<String> arguments = new ArrayList<>(store.appArguments(folder.resolve("lake")));
        arguments.addAll(partners.appArguments());
        arguments.addAll(extraArguments);
        arguments.addAll(options.appArguments());
        return AppProcess.start(jar, folder, arguments);
    }

    private void progress(String step) {
        System.err.printf("[bench %4.0f s] %s%n", (System.nanoTime() - started) / 1e9, step);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
