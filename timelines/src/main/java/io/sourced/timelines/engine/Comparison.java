package io.sourced.timelines.engine;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.timelines.DayFigures;
import io.sourced.api.timelines.OrderChange;
import io.sourced.api.timelines.ProductFigures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** The log's outcome and a timeline's, side by side. */
final class Comparison {

    private Comparison() {}

    static TimelineResult of(OutcomeTally actual, OutcomeTally whatIf, long eventsRead, long intentsRefused) {
        List<OrderChange> changes = new ArrayList<>();
        long changed = 0;
        for (Map.Entry<OrderId, String> order : actual.ends().entrySet()) {
            String otherEnd = whatIf.ends().getOrDefault(order.getKey(), OutcomeTally.PENDING);
            if (!Objects.equals(order.getValue(), otherEnd)) {
                changed++;
                if (changes.size() < TimelineResult.CHANGES_LISTED) {
                    changes.add(new OrderChange(order.getKey().value(), order.getValue(), otherEnd));
                }
            }
        }
        return new TimelineResult(
                actual.outcome(),
                whatIf.outcome(),
                byProduct(actual, whatIf),
                byDay(actual, whatIf),
                changed,
                changes,
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
