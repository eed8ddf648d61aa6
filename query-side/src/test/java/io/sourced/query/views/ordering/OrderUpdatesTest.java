package io.sourced.query.views.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.FindOrderAsOfQuery;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.OrderView;
import io.sourced.query.Deliver;
import io.sourced.query.LocalQueries;
import io.sourced.query.ViewDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.publisher.Flux;

class OrderUpdatesTest {

    private final CustomerId alice = CustomerId.random();
    private final ProductId apples = ProductId.random();

    @Test
    void follow_orderProjectedOnAnotherReplica_seesItBecomeTerminal() {
        JdbcTemplate jdbc = ViewDatabase.migrated();
        LocalQueries here = new LocalQueries();
        here.register(new OrderViewQueries(jdbc));
        // the other replica's projector writes the same view but tells only its own subscribers
        Deliver elsewhere = Deliver.to(new OrderViewProjector(jdbc, new LocalQueries().updateEmitter()));
        OrderId orderId = OrderId.random();
        elsewhere.on(new OrderPlacedEvent(orderId, alice, List.of(new OrderLine(apples, 2))));

        Flux<OrderView> updates =
                new OrderUpdates(here.gateway()).follow(orderId, order -> true).orElseThrow();
        elsewhere.on(new OrderAcceptedEvent(orderId, alice, new BigDecimal("3.00")));

        List<OrderView> seen = updates.collectList().block(Duration.ofSeconds(10));
        assertThat(seen).extracting(OrderView::status).containsExactly(OrderStatus.PENDING, OrderStatus.ACCEPTED);
    }

    @Test
    void follow_orderPlacedButNotYetInTheView_startsFromTheLog() {
        JdbcTemplate jdbc = ViewDatabase.migrated();
        LocalQueries here = new LocalQueries();
        here.register(new OrderViewQueries(jdbc));
        OrderId orderId = OrderId.random();
        OrderView placed = new OrderView(
                orderId, alice, OrderStatus.PENDING, null, List.of(), BigDecimal.ZERO, java.time.Instant.now(), null);
        here.register(new Object() {
            @QueryHandler
            Optional<OrderView> foldedFromTheLog(FindOrderAsOfQuery query) {
                return Optional.of(placed).filter(order -> order.orderId().equals(query.orderId()));
            }
        });
        Deliver projector = Deliver.to(new OrderViewProjector(jdbc, new LocalQueries().updateEmitter()));

        Flux<OrderView> updates =
                new OrderUpdates(here.gateway()).follow(orderId, order -> true).orElseThrow();
        projector.on(new OrderPlacedEvent(orderId, alice, List.of(new OrderLine(apples, 2))));
        projector.on(new OrderAcceptedEvent(orderId, alice, new BigDecimal("3.00")));

        assertThat(updates.collectList().block(Duration.ofSeconds(10)))
                .extracting(OrderView::status)
                .startsWith(OrderStatus.PENDING)
                .endsWith(OrderStatus.ACCEPTED);
        assertThat(new OrderUpdates(here.gateway()).follow(OrderId.random(), order -> true))
                .as("unknown")
                .isEmpty();
    }
}
