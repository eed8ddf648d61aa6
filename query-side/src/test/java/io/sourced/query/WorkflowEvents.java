package io.sourced.query;

import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.DepositReversedEvent;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentDeclinedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.api.finance.ReturnRefundDeclinedEvent;
import io.sourced.api.finance.ReturnRefundedEvent;
import io.sourced.api.finance.TransactionId;
import io.sourced.api.idempotency.OperationId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.ReturnedStockReleasedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.inventory.StockReturnCancelledEvent;
import io.sourced.api.inventory.StockReturnedEvent;
import io.sourced.api.inventory.StockWrittenOffEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.PricedLine;
import io.sourced.api.ordering.RejectionReason;
import io.sourced.api.ordering.ReturnCompletedEvent;
import io.sourced.api.ordering.ReturnFailedEvent;
import io.sourced.api.ordering.ReturnId;
import io.sourced.api.ordering.ReturnRequestedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;

/**
 * Every path of the workflow as the log holds it: an order accepted, one out of stock, one cancelled, one declined,
 * one rejected on timeout after its payment (stock released, money refunded), a restock, a deposit reversed right
 * after it, a write-off, a return of the accepted order's units that completes and one whose refund is declined, and
 * events delivered twice, interleaved across the three aggregates.
 */
public final class WorkflowEvents {

    private WorkflowEvents() {}

    public static List<EventMessage<?>> messages() {
        ProductId apples = ProductId.random();
        ProductId pears = ProductId.random();
        CustomerId alice = CustomerId.random();
        OrderId accepted = OrderId.random();
        OrderId outOfStock = OrderId.random();
        OrderId cancelled = OrderId.random();
        OrderId declined = OrderId.random();
        OrderId timedOut = OrderId.random();
        BigDecimal two = new BigDecimal("2.00");
        OperationId mistaken = OperationId.random();
        ReturnId returned = ReturnId.random();
        ReturnId undone = ReturnId.random();
        List<PricedLine> oneApple = List.of(new PricedLine(apples, 1, two));
        List<Object> events = List.of(
                new ProductRegisteredEvent(apples, "Apples", two, 5, "Fruit"),
                new ProductRegisteredEvent(pears, "Pears", new BigDecimal("3.00"), 1, "Fruit"),
                new AccountOpenedEvent(alice, "Alice"),
                new FundsDepositedEvent(alice, new BigDecimal("10.00"), new BigDecimal("10.00"), null),
                new OrderPlacedEvent(accepted, alice, List.of(new OrderLine(apples, 2))),
                new OrderPlacedEvent(outOfStock, alice, List.of(new OrderLine(pears, 2))),
                new StockReservedEvent(apples, accepted, 2, two),
                new StockReservationRejectedEvent(pears, outOfStock, 2, 1),
                new PaymentAuthorizedEvent(alice, accepted, new BigDecimal("4.00"), new BigDecimal("6.00")),
                new OrderRejectedEvent(outOfStock, alice, RejectionReason.OUT_OF_STOCK),
                new OrderAcceptedEvent(
                        accepted, alice, new BigDecimal("4.00"), List.of(), List.of(new PricedLine(apples, 2, two))),
                new ReservationConfirmedEvent(apples, accepted, 2),
                new OrderPlacedEvent(cancelled, alice, List.of(new OrderLine(apples, 1))),
                new StockReservedEvent(apples, cancelled, 1, two),
                new OrderCancelledEvent(cancelled, alice),
                new StockReleasedEvent(apples, cancelled, 1),
                new ProductRestockedEvent(pears, 3, null),
                new OrderPlacedEvent(declined, alice, List.of(new OrderLine(pears, 3))),
                new StockReservedEvent(pears, declined, 3, new BigDecimal("3.00")),
                new PaymentDeclinedEvent(alice, declined, new BigDecimal("9.00"), new BigDecimal("6.00")),
                new OrderRejectedEvent(declined, alice, RejectionReason.PAYMENT_DECLINED),
                new StockReleasedEvent(pears, declined, 3),
                new OrderPlacedEvent(timedOut, alice, List.of(new OrderLine(apples, 1))),
                new StockReservedEvent(apples, timedOut, 1, two),
                new PaymentAuthorizedEvent(alice, timedOut, two, new BigDecimal("4.00")),
                new OrderRejectedEvent(timedOut, alice, RejectionReason.TIMEOUT),
                new StockReleasedEvent(apples, timedOut, 1),
                new PaymentRefundedEvent(alice, timedOut, two, new BigDecimal("6.00")),
                new FundsDepositedEvent(alice, new BigDecimal("5.00"), new BigDecimal("11.00"), mistaken),
                new DepositReversedEvent(
                        alice,
                        TransactionId.of(mistaken.value()),
                        new BigDecimal("5.00"),
                        new BigDecimal("6.00"),
                        "wrong account"),
                new StockWrittenOffEvent(apples, 1, "bruised", OperationId.random()),
                new ReturnRequestedEvent(accepted, returned, alice, oneApple, two, "bruised"),
                new StockReturnedEvent(apples, accepted, returned, 1),
                new ReturnRefundedEvent(alice, accepted, returned, two, new BigDecimal("8.00")),
                new ReturnedStockReleasedEvent(apples, accepted, returned, 1),
                new ReturnCompletedEvent(accepted, returned, alice, oneApple, two, OrderStatus.ACCEPTED),
                new ReturnRequestedEvent(accepted, undone, alice, oneApple, two, "changed my mind"),
                new StockReturnedEvent(apples, accepted, undone, 1),
                new ReturnRefundDeclinedEvent(alice, accepted, undone, two, "spent"),
                new StockReturnCancelledEvent(apples, accepted, undone, 1),
                new ReturnFailedEvent(accepted, undone, alice, oneApple, "the refund was declined: spent"));
        List<EventMessage<?>> messages =
                new ArrayList<>(Deliver.messages(events, Instant.parse("2026-11-26T10:00:00Z")));
        // delivered again, as a retried batch or dead letter would
        messages.add(messages.get(6));
        messages.add(messages.get(10));
        messages.add(messages.get(35));
        messages.add(messages.get(36));
        return messages;
    }
}
