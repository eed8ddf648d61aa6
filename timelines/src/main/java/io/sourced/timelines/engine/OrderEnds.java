package io.sourced.timelines.engine;

import io.sourced.api.ordering.OrderId;
import io.sourced.api.timelines.OrderChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Each order's end in the log and in the timeline, compared as soon as both are known and then let go: what is held is
 * the orders that ended on one side only so far. The orders that ended otherwise are counted, and the first
 * {@link TimelineResult#CHANGES_LISTED} of them in the order they were placed in the log are listed.
 */
final class OrderEnds {

    /** One side's end, and where the order came among those placed in the log (-1: not known yet). */
    private record Half(long placed, String actual, String whatIf) {}

    private record Change(long placed, OrderChange change) {}

    private final Map<OrderId, Half> halves = new HashMap<>();
    /** The changes of the orders placed first, the last placed on top. */
    private final PriorityQueue<Change> listed =
            new PriorityQueue<>(Comparator.comparingLong(Change::placed).reversed());

    private long changed;

    /** An order of the period ended in the log. */
    void actual(OrderId orderId, long placed, String end) {
        Half whatIf = halves.remove(orderId);
        if (whatIf == null) {
            halves.put(orderId, new Half(placed, end, null));
        } else {
            compare(orderId, placed, end, whatIf.whatIf());
        }
    }

    /** An order ended in the timeline (every order the timeline placed was placed in the log's period too). */
    void whatIf(OrderId orderId, long placedInTimeline, String end) {
        Half actual = halves.remove(orderId);
        if (actual == null) {
            halves.put(orderId, new Half(-1, null, end));
        } else {
            compare(orderId, actual.placed(), actual.actual(), end);
        }
    }

    /**
     * The period is over: an order that ended on one side only is pending on the other.
     *
     * @param log the log's tally, which still holds the orders it has not seen end
     */
    void finish(OutcomeTally log) {
        halves.forEach((orderId, half) -> compare(
                orderId,
                half.placed() >= 0 ? half.placed() : log.placed(orderId).orElse(Long.MAX_VALUE),
                Objects.requireNonNullElse(half.actual(), OutcomeTally.PENDING),
                Objects.requireNonNullElse(half.whatIf(), OutcomeTally.PENDING)));
        halves.clear();
    }

    long changed() {
        return changed;
    }

    /** The first orders, in the log's order of placement, that ended otherwise. */
    List<OrderChange> listed() {
        List<Change> first = new ArrayList<>(listed);
        first.sort(Comparator.comparingLong(Change::placed));
        return first.stream().map(Change::change).toList();
    }

    /** The orders held, for tests. */
    int held() {
        return halves.size();
    }

    private void compare(OrderId orderId, long placed, String actual, String whatIf) {
        if (actual.equals(whatIf)) {
            return;
        }
        changed++;
        listed.add(new Change(placed, new OrderChange(orderId.value(), actual, whatIf)));
        if (listed.size() > TimelineResult.CHANGES_LISTED) {
            listed.poll();
        }
    }
}
