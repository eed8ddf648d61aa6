package io.sourced.query.views.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.RejectionReason;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class OrderIdSequencingPolicyTest {

    private final OrderIdSequencingPolicy policy = new OrderIdSequencingPolicy();
    private final OrderId orderId = OrderId.random();
    private final CustomerId customerId = CustomerId.random();
    private final ProductId productId = ProductId.random();

    @Test
    void anOrdersEvents_includingItsStockReservations_shareOneSequence() {
        List<Object> events = List.of(
                new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(productId, 1))),
                new StockReservedEvent(productId, orderId, 1, BigDecimal.ONE),
                new OrderAcceptedEvent(orderId, customerId, BigDecimal.ONE),
                new OrderRejectedEvent(orderId, customerId, RejectionReason.TIMEOUT),
                new OrderCancelledEvent(orderId, customerId));

        assertThat(events).extracting(event -> policy.getSequenceIdentifierFor(
                        new GenericDomainEventMessage<>("Any", productId.value(), 0, event)))
                .containsOnly(orderId.value());
    }

    @Test
    void otherEvents_areSequencedPerAggregate() {
        GenericDomainEventMessage<String> other =
                new GenericDomainEventMessage<>("Product", productId.value(), 3, "restocked");

        assertThat(policy.getSequenceIdentifierFor(other)).isEqualTo(productId.value());
        assertThat(policy.getSequenceIdentifierFor(GenericEventMessage.asEventMessage("no aggregate"))).isNull();
    }
}
