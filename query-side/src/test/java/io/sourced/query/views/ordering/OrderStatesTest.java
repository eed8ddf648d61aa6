package io.sourced.query.views.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.FindOrderAsOfQuery;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.OrderView;
import io.sourced.query.InMemoryLog;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderStatesTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private final OrderId orderId = OrderId.random();
    private final OrderId otherOrder = OrderId.random();
    private final CustomerId customerId = CustomerId.random();
    private final ProductId pen = ProductId.random();
    private final ProductId ink = ProductId.random();
    private final InMemoryLog log = new InMemoryLog()
            .record("Product", pen, new ProductRegisteredEvent(pen, "Pen", new BigDecimal("2.00"), 10), T0)
            .record("Product", ink, new ProductRegisteredEvent(ink, "Ink", new BigDecimal("3.00"), 10), T0)
            .record(
                    "Order",
                    orderId,
                    new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(pen, 2), new OrderLine(ink, 1))),
                    T0.plusSeconds(1))
            .record(
                    "Product",
                    pen,
                    new StockReservedEvent(pen, otherOrder, 5, new BigDecimal("2.50")),
                    T0.plusSeconds(1))
            .record("Product", pen, new StockReservedEvent(pen, orderId, 2, new BigDecimal("2.00")), T0.plusSeconds(2))
            .record("Product", ink, new StockReservedEvent(ink, orderId, 1, new BigDecimal("3.00")), T0.plusSeconds(3))
            .record(
                    "Order",
                    orderId,
                    new OrderAcceptedEvent(orderId, customerId, new BigDecimal("7.00")),
                    T0.plusSeconds(4));
    private final OrderStates states = new OrderStates(log.store());

    private record Seen(long version, Instant at, OrderView before, OrderView after) {}

    private List<Seen> page(String id, long after, int limit) {
        List<Seen> seen = new ArrayList<>();
        states.versions(
                id,
                after,
                limit,
                (event, before, state) -> seen.add(new Seen(
                        event.getSequenceNumber(), event.getTimestamp(), (OrderView) before, (OrderView) state)));
        return seen;
    }

    @Test
    void versions_ofAnOrder_areItsOwnEvents_eachTheAsOfAnswerAtItsInstant() {
        OrderAsOfQueries asOf = new OrderAsOfQueries(log.store());

        List<Seen> versions = page(orderId.value(), -1, 100);

        assertThat(versions).extracting(Seen::version).containsExactly(0L, 1L);
        assertThat(versions)
                .allSatisfy(seen -> assertThat(seen.after())
                        .isEqualTo(asOf.handle(new FindOrderAsOfQuery(orderId, seen.at()))
                                .orElseThrow()));
        assertThat(versions.get(1).after().status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(versions.get(1).after().lines())
                .allSatisfy(line -> assertThat(line.unitPrice()).isNotNull());
    }

    @Test
    void versions_eachToldAgainstTheVersionBefore_theReservationsPricesIncluded() {
        List<Seen> versions = page(orderId.value(), -1, 100);

        assertThat(versions.get(0).before()).isNull();
        assertThat(versions.get(1).before()).isEqualTo(versions.get(0).after());
        assertThat(versions.get(1).before().total()).isNull();
    }

    @Test
    void versions_afterTheLastOrOfAnotherAggregate_areNone_andAPageOfOneResumes() {
        assertThat(page(orderId.value(), 1, 100)).isEmpty();
        assertThat(page(pen.value(), -1, 100)).isEmpty();
        assertThat(page(OrderId.random().value(), -1, 100)).isEmpty();
        assertThat(page(orderId.value(), -1, 1)).extracting(Seen::version).containsExactly(0L);
        assertThat(page(orderId.value(), 0, 1))
                .singleElement()
                .satisfies(seen -> assertThat(seen.before())
                        .isEqualTo(page(orderId.value(), -1, 1).get(0).after()));
    }
}
