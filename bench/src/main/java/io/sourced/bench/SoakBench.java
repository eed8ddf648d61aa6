package io.sourced.bench;

import io.sourced.bench.Results.Figure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak: the workflow at a steady half load for a long while, the application's memory sampled once a minute.
 * The live heap is read after a full collection forced through {@code jcmd} (what survives is what is held), beside
 * the resident set, the threads, the open files and the sagas still stored: whatever grows with the orders leaks.
 */
record SoakBench(AppProcess app, Store store, Scale scale, Results results) {

    static final Duration SAMPLE_EVERY = Duration.ofMinutes(1);
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    /** {@code   1:   12345   1234567  java.lang.String (java.base@17)}: instances, bytes, class. */
    private static final Pattern HISTOGRAM_ROW =
            Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE);

    /** The application's state at one instant of the soak. */
    record Sample(
            double minutes,
            int ordersEnded,
            double liveHeapMegabytes,
            double rssMegabytes,
            int threads,
            int openFiles,
            long sagas) {}

    /** Runs the soak for the given time; its samples become a Markdown section of the results. */
    void run(Duration length) throws Exception {
        SourcedApi api = new SourcedApi(app.base());
        Shop shop = Shop.open(api, scale.customers(), scale.products());
        List<Sample> samples = new ArrayList<>();
        Latencies commands = new Latencies();
        int ended = 0;
        Map<String, Long> heapAtStart = Map.of();
        String step = "Soak " + store.kind() + " for " + length.toMinutes() + " min";
        try (Connection reader = store.connect();
                ViewWatcher watcher = new ViewWatcher(store.connect())) {
            int rate = scale.arrivalRate() > 0 ? scale.arrivalRate() : halfTheCapacity(api, shop, reader, watcher);
            step = "Soak " + store.kind() + ", open loop " + rate + " orders/s for " + length.toMinutes() + " min";
            long started = System.nanoTime();
            heapAtStart = liveBytesByClass();
            samples.add(sample(reader, started, ended));
            while (System.nanoTime() - started < length.toNanos()) {
                Placements placements = OpenLoop.run(api, shop, rate, SAMPLE_EVERY, watcher::expect);
                commands.addAll(placements.latencies());
                watcher.awaitTerminal(scale.drainLimit());
                ended += (int) watcher.takeSightings().values().stream()
                        .filter(seen -> seen.terminal != null)
                        .count();
                samples.add(sample(reader, started, ended));
            }
        } finally {
            // a soak cut short still shows the minutes it ran
            results.section(markdown(step, samples));
        }
        record(step, samples, commands);
        results.section(growthByClass(heapAtStart, liveBytesByClass()));
    }

    /**
     * Half the rate a closed loop ends orders at, as the workflow step measures it: not the rate it places them at,
     * which runs ahead of the workflow and would overload the soak (measured: 67 orders/s offered, 57 ended).
     */
    private int halfTheCapacity(SourcedApi api, Shop shop, Connection reader, ViewWatcher watcher) throws Exception {
        ClosedLoop.run(api, shop, scale.concurrency(), scale.warmup().least(), orderId -> {});
        long head = OrderTimeline.head(reader);
        Placements placements = ClosedLoop.run(api, shop, scale.concurrency(), scale.step(), watcher::expect);
        watcher.awaitTerminal(scale.drainLimit());
        watcher.takeSightings();
        double ended = WorkflowBench.Step.endedPerSecond(placements, OrderTimeline.after(reader, head));
        return Math.max(1, (int) Math.round(ended / 2));
    }

    private Sample sample(Connection reader, long started, int ended) throws Exception {
        double liveHeap = liveHeapMegabytes();
        ProcessProbe probe = new ProcessProbe(app.pid());
        return new Sample(
                (System.nanoTime() - started) / 60e9,
                ended,
                liveHeap,
                probe.rssMegabytes(),
                probe.threads(),
                openFiles(),
                sagas(reader));
    }

    private double liveHeapMegabytes() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("no heap use in jcmd GC.heap_info");
        }
        return Long.parseLong(used.group(1)) / 1024.0;
    }

    /** Live bytes of each class, from a histogram taken after a full collection ({@code jcmd GC.class_histogram}). */
    private Map<String, Long> liveBytesByClass() throws IOException, InterruptedException {
        Map<String, Long> bytes = new HashMap<>();
        Matcher row = HISTOGRAM_ROW.matcher(jcmd("GC.class_histogram"));
        while (row.find()) {
            bytes.merge(row.group(2), Long.parseLong(row.group(1)), Long::sum);
        }
        return bytes;
    }

    /** The classes whose live bytes grew most over the soak: where to look first for a leak. */
    static String growthByClass(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder table = new StringBuilder(
                "Classes whose live bytes grew most from the first to the last sample"
                        + " (`jcmd GC.class_histogram`):\n\n| class | growth (KB) | live at the end (KB) |\n| --- | ---: | ---: |\n");
        after.entrySet().stream()
                .sorted(Comparator.comparingLong(
                                (Map.Entry<String, Long> e) -> e.getValue() - before.getOrDefault(e.getKey(), 0L))
                        .reversed())
                .limit(10)
                .forEach(e -> table.append(String.format(
                        Locale.ROOT,
                        "| `%s` | %d | %d |%n",
                        e.getKey(),
                        (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1024,
                        e.getValue() / 1024)));
        return table.toString();
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(app.pid()), command)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    private int openFiles() throws IOException {
        try (var files = Files.list(Path.of("/proc", Long.toString(app.pid()), "fd"))) {
            return (int) files.count();
        }
    }

    private static long sagas(Connection reader) throws SQLException {
        try (Statement statement = reader.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT (SELECT COUNT(*) FROM saga_instance) + (SELECT COUNT(*) FROM sagaentry)")) {
            row.next();
            return row.getLong(1);
        }
    }

    private void record(String step, List<Sample> samples, Latencies commands) {
        if (samples.size() < 2) {
            return;
        }
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        results.add(new Figure(step, "orders ended", "orders/s"), last.ordersEnded() / (last.minutes() * 60));
        results.add(new Figure(step, "command latency p99", "ms"), commands.percentile(99));
        results.add(
                new Figure(step, "live heap growth, first to last sample", "MB"),
                last.liveHeapMegabytes() - first.liveHeapMegabytes());
        results.add(new Figure(step, "live heap trend over the soak", "MB/min"), trend(samples));
        results.add(
                new Figure(step, "RSS growth, first to last sample", "MB"), last.rssMegabytes() - first.rssMegabytes());
        results.add(
                new Figure(step, "thread growth, first to last sample", "threads"), last.threads() - first.threads());
        results.add(new Figure(step, "sagas stored at the end", "sagas"), last.sagas());
    }

    /** The least-squares slope of the live heap over time, after the first minute (warm-up fills caches). */
    static double trend(List<Sample> samples) {
        List<Sample> settled = samples.size() > 2 ? samples.subList(1, samples.size()) : samples;
        double n = settled.size();
        double meanX = settled.stream().mapToDouble(Sample::minutes).sum() / n;
        double meanY = settled.stream().mapToDouble(Sample::liveHeapMegabytes).sum() / n;
        double covariance = settled.stream()
                .mapToDouble(s -> (s.minutes() - meanX) * (s.liveHeapMegabytes() - meanY))
                .sum();
        double variance = settled.stream()
                .mapToDouble(s -> (s.minutes() - meanX) * (s.minutes() - meanX))
                .sum();
        return variance == 0 ? Double.NaN : covariance / variance;
    }

    private static String markdown(String step, List<Sample> samples) {
        StringBuilder table = new StringBuilder("### ")
                .append(step)
                .append("\n\n")
                .append("| minute | orders ended | live heap (MB) | RSS (MB) | threads | open files | sagas stored |\n")
                .append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Sample s : samples) {
            table.append(String.format(
                    Locale.ROOT,
                    "| %.1f | %d | %.1f | %.0f | %d | %d | %d |%n",
                    s.minutes(),
                    s.ordersEnded(),
                    s.liveHeapMegabytes(),
                    s.rssMegabytes(),
                    s.threads(),
                    s.openFiles(),
                    s.sagas()));
        }
        return table.toString();
    }
}
