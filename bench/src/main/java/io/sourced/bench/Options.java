package io.sourced.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What the command line asked for: {@code [--quick] [--soak] [--label name] [--rate orders/s] [--jar path]
 * [--postgres url] [--results dir]}.
 */
record Options(Scale scale, boolean quick, boolean soak, String label, Path appJar, String postgresUrl, Path results) {

    static final String USAGE = "usage: bench/run [--quick] [--soak] [--label name] [--rate orders/s]"
            + " [--jar ui/target/sourced.jar] [--postgres jdbc:postgresql://127.0.0.1:5432/] [--results bench/results]";

    static Options parse(List<String> args) {
        boolean quick = false;
        boolean soak = false;
        int rate = 0;
        String label = null;
        Path jar = Path.of("ui/target/sourced.jar");
        String postgres = "jdbc:postgresql://127.0.0.1:5432/";
        Path results = Path.of("bench/results");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--quick" -> quick = true;
                case "--soak" -> soak = true;
                case "--rate" -> rate = Integer.parseInt(valueAfter(args, i++));
                case "--label" -> label = valueAfter(args, i++);
                case "--jar" -> jar = Path.of(valueAfter(args, i++));
                case "--postgres" -> postgres = valueAfter(args, i++);
                case "--results" -> results = Path.of(valueAfter(args, i++));
                default -> throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
            }
        }
        if (label == null) {
            label = (soak ? "soak" : "run") + (quick ? "-quick" : "");
        }
        if (rate < 0) {
            throw new IllegalArgumentException("--rate is orders a second, at least 1 (or 0: half the closed loop's)");
        }
        if (!label.matches("[A-Za-z0-9._-]{1,60}")) {
            throw new IllegalArgumentException("a label is 1-60 letters, digits, '.', '_' or '-': " + label);
        }
        Scale scale = (quick ? Scale.quick() : Scale.full()).withArrivalRate(rate);
        return new Options(scale, quick, soak, label, jar, postgres, results);
    }

    private static String valueAfter(List<String> args, int i) {
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(args.get(i) + " needs a value\n" + USAGE);
        }
        return args.get(i + 1);
    }
}
