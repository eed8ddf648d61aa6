package io.sourced.timelines.engine;

import io.sourced.api.timelines.DayFigures;
import io.sourced.api.timelines.ProductFigures;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/** The log's outcome and a timeline's, side by side. */
final class Comparison {

    private Comparison() {}

    static TimelineResult of(
            OutcomeTally actual, OutcomeTally whatIf, OrderEnds ends, long eventsRead, long intentsRefused) {
        ends.finish(actual);
        return new TimelineResult(
                actual.outcome(),
                whatIf.outcome(),
                byProduct(actual, whatIf),
                byDay(actual, whatIf),
                ends.changed(),
                ends.listed(),
                eventsRead,
                intentsRefused);
    }

    private static List<ProductFigures> byProduct(OutcomeTally actual, OutcomeTally whatIf) {
        TreeSet<String> products = new TreeSet<>(actual.byProduct().keySet());
        products.addAll(whatIf.byProduct().keySet());
        return products.stream()
                .map(product -> {
                    OutcomeTally.Figures one = actual.byProduct().getOrDefault(product, OutcomeTally.Figures.NONE);
                    OutcomeTally.Figures other = whatIf.byProduct().getOrDefault(product, OutcomeTally.Figures.NONE);
                    return new ProductFigures(
                            product,
                            one.revenue(),
                            other.revenue(),
                            one.unitsSold(),
                            other.unitsSold(),
                            one.unitsLost(),
                            other.unitsLost());
                })
                .toList();
    }

    private static List<DayFigures> byDay(OutcomeTally actual, OutcomeTally whatIf) {
        TreeSet<LocalDate> days = new TreeSet<>(actual.byDay().keySet());
        days.addAll(whatIf.byDay().keySet());
        return days.stream()
                .map(day -> {
                    OutcomeTally.Figures one = actual.byDay().getOrDefault(day, OutcomeTally.Figures.NONE);
                    OutcomeTally.Figures other = whatIf.byDay().getOrDefault(day, OutcomeTally.Figures.NONE);
                    return new DayFigures(day, one.revenue(), other.revenue(), one.unitsLost(), other.unitsLost());
                })
                .toList();
    }
}
