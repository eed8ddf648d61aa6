package io.sourced.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every figure of the run, each measured once per repetition, in the order measured; and what bounds each. */
final class Results {

    /** A figure: the step that measured it, what it is and its unit. */
    record Figure(String step, String name, String unit) {}

    private final Map<Figure, List<Double>> values = new LinkedHashMap<>();
    private final Map<Figure, Figure> limits = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();

    synchronized void add(Figure figure, double value) {
        values.computeIfAbsent(figure, f -> new ArrayList<>()).add(value);
    }

    /** The figure is also printed as a fraction of the limit's median. */
    synchronized void boundBy(Figure figure, Figure limit) {
        limits.put(figure, limit);
    }

    /** A line under the table: what went wrong or what to know to read a figure. */
    synchronized void note(String note) {
        notes.add(note);
    }

    /** Markdown of its own printed after the table (the soak's samples). */
    synchronized void section(String markdown) {
        sections.add(markdown);
    }

    synchronized List<String> sections() {
        return List.copyOf(sections);
    }

    synchronized Summary summary(Figure figure) {
        return Summary.of(values.getOrDefault(figure, List.of()));
    }

    synchronized String markdownTable() {
        StringBuilder table = new StringBuilder("| step | figure | median | spread (min – max) | n | ÷ limit |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: |\n");
        values.keySet().forEach(figure -> {
            Summary summary = summary(figure);
            Figure limit = limits.get(figure);
            String ratio =
                    limit == null || !values.containsKey(limit) ? "" : twoDigits(summary.ratioTo(summary(limit)));
            table.append("| ")
                    .append(figure.step())
                    .append(" | ")
                    .append(figure.name())
                    .append(" (")
                    .append(figure.unit())
                    .append(") | ")
                    .append(summary.medianText())
                    .append(" | ")
                    .append(summary.spreadText())
                    .append(" | ")
                    .append(summary.samples())
                    .append(" | ")
                    .append(ratio)
                    .append(" |\n");
        });
        return table.toString();
    }

    /** Two significant digits, no exponent: 0.52, 0.044, 0.00019. */
    static String twoDigits(double ratio) {
        if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
            return "n/a";
        }
        return new BigDecimal(ratio)
                .round(new MathContext(2))
                .stripTrailingZeros()
                .toPlainString();
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }
}
