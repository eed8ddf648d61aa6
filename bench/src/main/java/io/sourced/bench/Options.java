package io.sourced.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the command line asked for: {@code [--quick] [--soak] [--label name] [--rate orders/s] [--history-orders n]
 * [--only steps]
 * [--app-arg --name=value]... [--in-process-simulators] [--jar path] [--baseline-jar path] [--postgres url]
 * [--results dir]}.
 *
 * @param steps   the steps run (all unless {@code --only} names some, comma-separated)
 * @param baselineJar a previous application jar, measured beside {@code appJar} by the workflow steps and the
 *     replay step; null without one
 * @param appArguments added to every start of the application, to measure a setting against the default
 * @param inProcessSimulators the application's own simulators answer its calls to the CRM and the shipping partner,
 *     not the runner ({@link Partners})
 */
record Options(
        Scale scale,
        boolean quick,
        boolean soak,
        String label,
        Path appJar,
        Path baselineJar,
        String postgresUrl,
        Path results,
        Set<Step> steps,
        List<String> appArguments,
        boolean inProcessSimulators) {

    static final String USAGE =
            "usage: bench/run [--quick] [--soak] [--label name] [--rate orders/s] [--history-orders n]"
                    + " [--only workflow-h2,workflow-postgres,append,startup,replay,timeline] [--app-arg --name=value]..."
                    + " [--in-process-simulators]"
                    + " [--jar app/target/sourced.jar] [--baseline-jar previous.jar] [--postgres jdbc:postgresql://127.0.0.1:5432/] [--results bench/results]";

    /** The parts of a full run, in the order they run. */
    enum Step {
        WORKFLOW_H2,
        WORKFLOW_POSTGRES,
        APPEND,
        STARTUP,
        REPLAY,
        TIMELINE;

        String argument() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Step of(String argument) {
            return Arrays.stream(values())
                    .filter(step -> step.argument().equals(argument))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown step " + argument + "\n" + USAGE));
        }
    }

    static Options parse(List<String> args) {
        boolean quick = false;
        boolean soak = false;
        int rate = 0;
        int historyOrders = 0;
        String label = null;
        Path jar = Path.of("app/target/sourced.jar");
        Path baseline = null;
        String postgres = "jdbc:postgresql://127.0.0.1:5432/";
        Path results = Path.of("bench/results");
        Set<Step> steps = EnumSet.allOf(Step.class);
        List<String> appArguments = new ArrayList<>();
        boolean inProcessSimulators = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--quick" -> quick = true;
                case "--soak" -> soak = true;
                case "--rate" -> rate = Integer.parseInt(valueAfter(args, i++));
                case "--history-orders" -> historyOrders = Integer.parseInt(valueAfter(args, i++));
                case "--label" -> label = valueAfter(args, i++);
                case "--jar" -> jar = Path.of(valueAfter(args, i++));
                case "--baseline-jar" -> baseline = Path.of(valueAfter(args, i++));
                case "--postgres" -> postgres = valueAfter(args, i++);
                case "--results" -> results = Path.of(valueAfter(args, i++));
                case "--only" -> steps = steps(valueAfter(args, i++));
                case "--app-arg" -> appArguments.add(appArgument(valueAfter(args, i++)));
                case "--in-process-simulators" -> inProcessSimulators = true;
                default -> throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
            }
        }
        if (label == null) {
            label = (soak ? "soak" : "run") + (quick ? "-quick" : "");
        }
        if (rate < 0) {
            throw new IllegalArgumentException(
                    "--rate is orders a second, at least 1 (or 0: half the highest rate the open-loop ramp sustained)");
        }
        if (historyOrders < 0) {
            throw new IllegalArgumentException("--history-orders is orders, at least 1 (or 0: the scale's own)");
        }
        if (!label.matches("[A-Za-z0-9._-]{1,60}")) {
            throw new IllegalArgumentException("a label is 1-60 letters, digits, '.', '_' or '-': " + label);
        }
        Scale scale = (quick ? Scale.quick() : Scale.full()).withArrivalRate(rate);
        if (historyOrders > 0) {
            scale = scale.withHistoryOrders(historyOrders);
        }
        return new Options(
                scale,
                quick,
                soak,
                label,
                jar,
                baseline,
                postgres,
                results,
                steps,
                List.copyOf(appArguments),
                inProcessSimulators);
    }

    boolean runs(Step step) {
        return steps.contains(step);
    }

    private static Set<Step> steps(String list) {
        Set<Step> steps = EnumSet.noneOf(Step.class);
        for (String step : list.split(",")) {
            steps.add(Step.of(step.trim()));
        }
        return steps;
    }

    private static String appArgument(String argument) {
        if (!argument.matches("--[a-z][a-zA-Z0-9.-]*=.*")) {
            throw new IllegalArgumentException("an application argument is --name=value: " + argument + "\n" + USAGE);
        }
        return argument;
    }

    private static String valueAfter(List<String> args, int i) {
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(args.get(i) + " needs a value\n" + USAGE);
        }
        return args.get(i + 1);
    }
}
