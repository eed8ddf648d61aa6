package io.sourced.app.it;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One answer of {@code /actuator/prometheus} in Prometheus' text format: each series ({@code name{labels}}) with its
 * value.
 */
record Scrape(Map<String, Double> series) {

    static Scrape of(String text) {
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = line.contains("{") ? line.lastIndexOf('}') + 1 : line.indexOf(' ');
            series.put(
                    line.substring(0, end),
                    Double.parseDouble(line.substring(end).trim()));
        }
        return new Scrape(series);
    }

    /** The names of the metrics exported, the names of a histogram's or summary's series each. */
    Set<String> names() {
        return series.keySet().stream()
                .map(key -> key.contains("{") ? key.substring(0, key.indexOf('{')) : key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The value of the series of that name with a label of that value (NaN when there is none). */
    double value(String name, String label, String labelValue) {
        String wanted = label + "=\"" + labelValue + "\"";
        return series.entrySet().stream()
                .filter(entry ->
                        entry.getKey().startsWith(name + "{") && entry.getKey().contains(wanted))
                .mapToDouble(Map.Entry::getValue)
                .findFirst()
                .orElse(Double.NaN);
    }

    /** The value of the series of that name without labels (NaN when there is none). */
    double value(String name) {
        return series.getOrDefault(name, Double.NaN);
    }

    /** The label values the series of that name carry for that label. */
    Set<String> labelValues(String name, String label) {
        return series.keySet().stream()
                .filter(key -> key.startsWith(name + "{"))
                .map(key -> {
                    int start = key.indexOf(label + "=\"") + label.length() + 2;
                    return key.substring(start, key.indexOf('"', start));
                })
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
