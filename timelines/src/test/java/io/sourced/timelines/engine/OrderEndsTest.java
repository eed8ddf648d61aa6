package io.sourced.timelines.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.timelines.OrderChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderEndsTest {

    private final OrderEnds ends = new OrderEnds();

    @Test
    void sameEndOnBothSides_isLetGoOnceBothAreKnown() {
        OrderId order = OrderId.random();

        ends.whatIf(order, 0, "ACCEPTED");
        assertThat(ends.held()).isEqualTo(1);
        ends.actual(order, 0, "ACCEPTED");

        assertThat(ends.held()).isZero();
        assertThat(ends.changed()).isZero();
    }

    @Test
    void endOnOneSideOnly_isComparedWithPending_atTheEnd() {
        OrderId pendingInTheLog = OrderId.random();
        OrderId pendingInTheTimeline = OrderId.random();
        OutcomeTally log = new OutcomeTally(ends::actual);
        log.record(Instant.EPOCH, placed(pendingInTheTimeline));
        log.record(Instant.EPOCH, placed(pendingInTheLog));
        ends.actual(pendingInTheTimeline, 0, "ACCEPTED");
        ends.whatIf(pendingInTheLog, 0, "REJECTED:OUT_OF_STOCK");

        ends.finish(log);

        assertThat(ends.changed()).isEqualTo(2);
        assertThat(ends.listed())
                .containsExactly(
                        new OrderChange(pendingInTheTimeline.value(), "ACCEPTED", OutcomeTally.PENDING),
                        new OrderChange(pendingInTheLog.value(), OutcomeTally.PENDING, "REJECTED:OUT_OF_STOCK"));
    }

    @Test
    void changesListed_areTheFirstPlaced_inTheirOrder() {
        int orders = TimelineResult.CHANGES_LISTED + 50;
        List<OrderId> placed =
                IntStream.range(0, orders).mapToObj(i -> OrderId.random()).toList();
        // the later orders end first
        for (int i = orders - 1; i >= 0; i--) {
            ends.whatIf(placed.get(i), i, "CANCELLED");
            ends.actual(placed.get(i), i, "ACCEPTED");
        }

        List<String> listed = new ArrayList<>();
        ends.listed().forEach(change -> listed.add(change.orderId()));
        assertThat(ends.changed()).isEqualTo(orders);
        assertThat(listed)
                .containsExactlyElementsOf(placed.subList(0, TimelineResult.CHANGES_LISTED).stream()
                        .map(OrderId::value)
                        .toList());
    }

    private static OrderPlacedEvent placed(OrderId orderId) {
        return new OrderPlacedEvent(orderId, CustomerId.random(), List.of(new OrderLine(ProductId.random(), 1)));
    }
}
