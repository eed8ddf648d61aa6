package io.sourced.timelines.engine;

import io.sourced.api.timelines.DayFigures;
import io.sourced.api.timelines.OrderChange;
import io.sourced.api.timelines.Outcome;
import io.sourced.api.timelines.ProductFigures;
import java.util.List;

/**
 * A timeline's answer.
 *
 * @param actual          the log's outcome over the period
 * @param whatIf          the timeline's
 * @param byProduct       per product, both side by side
 * @param byDay           per day, both side by side
 * @param ordersChanged   how many orders ended otherwise in the timeline
 * @param changedOrders   the first {@link #CHANGES_LISTED} of them
 * @param eventsRead      the period's events read from the log
 * @param intentsRefused  intents the sandbox refused (a withdrawal beyond the balance, a cancel of an order over)
 */
public record TimelineResult(
        Outcome actual,
        Outcome whatIf,
        List<ProductFigures> byProduct,
        List<DayFigures> byDay,
        long ordersChanged,
        List<OrderChange> changedOrders,
        long eventsRead,
        long intentsRefused) {

    public static final int CHANGES_LISTED = 100;

    public TimelineResult {
        byProduct = List.copyOf(byProduct);
        byDay = List.copyOf(byDay);
        changedOrders = List.copyOf(changedOrders);
    }
}
