package io.sourced.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The run as Markdown: where and how it ran, the table, the notes, and how each figure is measured. */
final class Report {

    private final Options options;
    private final Results results;
    private final PostgresServer postgres;
    private final Duration took;
    private final String loadAtStart;

    Report(Options options, Results results, PostgresServer postgres, Duration took, String loadAtStart) {
        this.options = options;
        this.results = results;
        this.postgres = postgres;
        this.took = took;
        this.loadAtStart = loadAtStart;
    }

    /** The load averages over 1, 5 and 15 minutes: what else ran on the machine skews every figure. */
    static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        if (!Files.isReadable(loadavg)) {
            return "unknown";
        }
        String[] fields = Files.readString(loadavg).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    String markdown() throws IOException, SQLException {
        Scale scale = options.scale();
        StringBuilder text = new StringBuilder();
        text.append("# Benchmark ")
                .append(options.label())
                .append(" — ")
                .append(Instant.now().toString(), 0, 16)
                .append(" UTC\n\n");
        text.append(String.format(
                Locale.ROOT,
                "- commit `%s`; %s%s; the whole run took %d min %02d s%n",
                commit(),
                options.quick() ? "**quick mode** (tiny numbers: proves the steps work, measures little)" : "full run",
                options.steps().size() == Options.Step.values().length
                        ? ""
                        : " of the steps "
                                + options.steps().stream()
                                        .map(Options.Step::argument)
                                        .toList(),
                took.toMinutes(),
                took.toSecondsPart()));
        text.append("- machine: ")
                .append(cpu())
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(memory())
                .append("; Java ")
                .append(System.getProperty("java.version"))
                .append("; ")
                .append(postgresSettings())
                .append('\n');
        text.append("- load average (1, 5, 15 min) at the start ")
                .append(loadAtStart)
                .append(", at the end ")
                .append(loadAverage())
                .append(" (the runner, the application and PostgreSQL share the cores with" + " whatever else runs)\n");
        text.append(String.format(
                Locale.ROOT,
                "- the application: `java %s -jar %s%s`%s; the CRM and the shipping partner it calls %s; each"
                        + " measure %d times after a warm-up of %d s (the workflow's: at least that, then on in slices"
                        + " of %d s until the application's JIT compilation over one is below %s cores, at most %d s;"
                        + " the notes say how long), load steps of %d s; %d customers, %d products, single-line orders"
                        + " of one unit%n",
                AppProcess.HEAP,
                options.appJar(),
                options.appArguments().isEmpty() ? "" : " " + String.join(" ", options.appArguments()),
                options.baselineJar() == null
                        ? ""
                        : " (the previous jar, `" + options.baselineJar() + "`, likewise: rows that say so)",
                options.inProcessSimulators()
                        ? "are its own simulators, in the measured process (`--in-process-simulators`)"
                        : "are served by the runner",
                scale.repetitions(),
                scale.warmup().least().toSeconds(),
                scale.warmup().slice().toSeconds(),
                WarmUp.QUIET_CORES,
                scale.warmup().most().toSeconds(),
                scale.step().toSeconds(),
                scale.customers(),
                scale.products()));
        text.append('\n').append(results.markdownTable()).append('\n');
        results.sections().forEach(section -> text.append(section).append('\n'));
        if (!results.notes().isEmpty()) {
            text.append("Notes:\n");
            results.notes().forEach(note -> text.append("- ").append(note).append('\n'));
            text.append('\n');
        }
        text.append(LEGEND);
        return text.toString();
    }

    private static final String LEGEND = """
            How the figures are measured:
            - *orders ended*: orders of the step that reached a terminal status, divided by the time from the step's \
            first POST to the last of them ending (the Order events' timestamps in `domainevententry`); *orders placed*: \
            POSTs answered 202 a second.
            - *highest rate sustained* (the open-loop ramp): open-loop rates from a tenth of what the closed loop ended, each \
            a quarter higher, a step each (two if the first fails), each after the last one's backlog drained; the \
            highest whose orders ended at 95% of the rate offered or more with a placed-to-accepted p99 within 2 s, in \
            one of two steps at that rate (a pause of the machine in a step of seconds is not the limit). The open loop runs at half of it \
            unless `--rate` fixes it. Each step waits up to 5 minutes after its drain for the processors to reach the \
            head, so that none starts on the last one's backlog.
            - *command latency*: the `POST /api/orders` round trip as the client sees it (HTTP Basic as `admin`); in \
            the open loop it counts from the instant the request was due, so a slow answer cannot hide later ones.
            - *placed to accepted*: the `OrderAccepted` event's timestamp minus the `OrderPlaced` event's.
            - *view lag*: from the `OrderPlaced` event's timestamp (set just before its commit) to the first poll of \
            the `order_view` table (the orders view the API reads) that showed the order; polled by the runner over its \
            own connection, 5 ms between polls, for the orders not yet shown only (on H2 the application's process \
            serves those polls through H2's server mode: they count in its CPU). Terminal statuses are polled every \
            250 ms, for the drain only.
            - *database commits per order*: transactions committed in the application's database during the step \
            (`pg_stat_database.xact_commit`; the runner's watching connections keep one transaction open) over the \
            orders that ended, read once every event processor of the application reached the head of the event \
            store after the drain (its tokens polled every 50 ms, for at most the drain limit; the next step starts \
            then): the work of the step's orders, none of the last step's; *SQL statements per order* likewise \
            from `pg_stat_statements`, where preloaded: the calls of each of the database's entries (by `queryid`, restricted to its `dbid`; the statistics are shared \
            by the server and never reset) after the step minus before, the runner's own statements (marked with a \
            comment: its polls of `order_view`, these counts) included, as this figure always counted them.
            - *read-side transactions per order*: every event processor stores its tracking token once per \
            transaction (`UPDATE TokenEntry SET token = ...`). Before the load, the runner installs in the \
            application's database (once the application created `tokenentry`) a table and an `AFTER UPDATE OF \
            token` trigger on `tokenentry` that counts the writes per processor and segment; the step's writes of \
            every processor but the saga's (`OrderFulfilmentSagaProcessor`) and the command side's lookups \
            (`command-lookups`), over the orders that ended. The trigger adds one small upsert (not a statement of \
            its own to `pg_stat_statements`, which counts top-level statements) to every token write, in every jar \
            measured. The breakdown by processor is printed under the table.
            - *read-side SQL statements per order*: the step's statements (as above) sorted by their text into \
            transaction control, tracking tokens (`tokenentry`), the saga's (`saga_instance`, \
            or `sagaentry` and `associationvalueentry`; `scheduled_tasks`), the event store's (`domainevententry`, \
            `snapshotevententry`: appends and aggregate reads apart from tracking reads by `globalIndex`), the \
            command side's lookups (`known_*`), replicas, replay requests, sign-ins and schema queries, the \
            runner's own, and the rest: the read side's own (views, logs, data lake, dead letters, \
            `external_journal`, reports). The read side's figure is its own statements plus, for each read-side \
            transaction counted above, its `BEGIN` and its token `UPDATE`. The breakdown by kind is printed under \
            the table.
            - *previous jar* (`--baseline-jar`): the workflow steps run it beside this jar, each application on a \
            new store of its own, loaded in turn while the other idles (each round of repetitions the other first), \
            each warmed up alike, with the same loads and open-loop rate (half the highest rate this jar's ramp sustained).
            - *app peak RSS*: `VmHWM` of the application process, reset before each step; *app CPU*: its utime + stime \
            over the step's wall time (2.0 = both cores).
            - *app JIT compilation*: the CPU time of the application's JIT compiler threads (`C1 CompilerThread…`, \
            `C2 CompilerThread…`, from /proc) from the load's start until every processor reached the head, over that \
            wall time (not `jstat -compiler`'s `Time`: the compilations' elapsed time, above their CPU time while they \
            wait for a core); *app CPU per order without JIT compilation*: the application's CPU seconds of that span \
            less its compiler threads', per order ended. Each workflow step first warms the application up by its closed loop until the JIT compilation over \
            a slice of it is quiet, or a cap: the header says how quiet and how long at most, the notes how long it ran.
            - *events appended*: rows added to `domainevententry` during the step, a second.
            - *soak*: the workflow at a steady half load (open loop, half the rate a closed loop ended orders at) \
            for minutes; each minute the application's live heap after a full collection forced with `jcmd GC.run`, \
            its resident set, threads and open files, and the sagas still stored; the trend is the least-squares \
            slope of the live heap from the second sample on; the classes whose live bytes grew most, from class \
            histograms at the first and the last sample.
            - *replay* (no-op handler): the time for the processor's position to reach the head from the first event, \
            polled every 100 ms. *rebuild every view*: from `POST /api/admin/views/rebuild` until every view took \
            over at the head (`view_rebuild`, polled every 200 ms), to completion; for a previous jar, a replay of \
            each view processor at once until the slowest reached the head (its token, polled every 100 ms); the \
            application's CPU from /proc, PostgreSQL's from its processes' (and ended backends') CPU time on this \
            machine. The limits are measured on the same machine in the same run; *÷ limit* is the median over the \
            limit's median.
            - *timeline*: a what-if timeline over the whole generated history (from the second of its earliest \
            event to the step's start), asked by `POST /api/timelines`, its end polled every 100 ms in the `timeline` \
            table; *POST to DONE* is that wall time, *events read* the timeline's `eventsRead` over it. The first, \
            with no rule changed, runs on the application as it started (cold); then each repetition one with no \
            rule changed and one with every price 10% up. The notes say whether the ones with no rule changed gave \
            the log's outcome (every figure, no order ending otherwise) and what the price change made of the revenue. A \
            timeline whose progress moves less than 1% in 2 minutes is stopped (`DELETE`), and the step with it.
            """;

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String cpu() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "unknown CPU";
        }
        return Files.readAllLines(cpuinfo).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElse("unknown CPU");
    }

    private static String memory() throws IOException {
        Path meminfo = Path.of("/proc/meminfo");
        if (!Files.isReadable(meminfo)) {
            return "unknown memory";
        }
        return Files.readAllLines(meminfo).stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GiB memory")
                .findFirst()
                .orElse("unknown memory");
    }

    private String postgresSettings() throws SQLException {
        try (Connection connection = postgres.connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_setting('server_version'),"
                        + " current_setting('synchronous_commit'), current_setting('shared_buffers')")) {
            row.next();
            return "PostgreSQL " + row.getString(1) + " at " + postgres.url() + " (synchronous_commit "
                    + row.getString(2) + ", shared_buffers " + row.getString(3) + ")";
        }
    }
}
