package io.sourced.query.views.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentDeclinedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservationRejectedEvent;
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

        assertThat(events)
                .extracting(event -> sequenceOf("Any", productId.value(), event))
                .containsOnly(orderId.value());
    }

    @Test
    void eventsOtherAggregatesRecordForAnOrder_followTheOrder() {
        List<Object> events = List.of(
                new StockReservationRejectedEvent(productId, orderId, 2, 1),
                new StockReleasedEvent(productId, orderId, 1),
                new ReservationConfirmedEvent(productId, orderId, 1),
                new PaymentAuthorizedEvent(customerId, orderId, BigDecimal.ONE, BigDecimal.TEN),
                new PaymentDeclinedEvent(customerId, orderId, BigDecimal.ONE, BigDecimal.ZERO),
                new PaymentRefundedEvent(customerId, orderId, BigDecimal.ONE, BigDecimal.TEN));

        assertThat(events)
                .extracting(event -> sequenceOf("Any", productId.value(), event))
                .containsOnly(orderId.value());
    }

    @Test
    void eventsOfNoOrder_areSequencedPerAggregate() {
        assertThat(sequenceOf("Product", productId.value(), new ProductRestockedEvent(productId, 5, null)))
                .isEqualTo(productId.value());
        assertThat(sequenceOf(
                        "Customer",
                        customerId.value(),
                        new FundsDepositedEvent(customerId, BigDecimal.ONE, BigDecimal.ONE, null)))
                .isEqualTo(customerId.value());
        assertThat(sequenceOf("Product", productId.value(), "restocked")).isEqualTo(productId.value());
        assertThat(policy.getSequenceIdentifierFor(GenericEventMessage.asEventMessage("no aggregate")))
                .isNull();
    }

    private Object sequenceOf(String aggregateType, String aggregateId, Object payload) {
        return policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>(aggregateType, aggregateId, 3, payload));
    }
}
