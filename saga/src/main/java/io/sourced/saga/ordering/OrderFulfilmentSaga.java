package io.sourced.saga.ordering;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.sourced.api.finance.AuthorizePaymentCommand;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentDeclinedEvent;
import io.sourced.api.finance.RefundPaymentCommand;
import io.sourced.api.inventory.ConfirmReservationCommand;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ReleaseStockCommand;
import io.sourced.api.inventory.ReserveStockCommand;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.AcceptOrderCommand;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.PricedLine;
import io.sourced.api.ordering.RejectOrderCommand;
import io.sourced.api.ordering.RejectionReason;
import io.sourced.api.rules.BusinessRules;
import io.sourced.batching.BatchScope;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The order-to-payment workflow: reserves the stock of every line, then takes the payment, then asks the order to
 * accept; asks it to reject when a line is out of stock, the payment is declined or the order times out. Under
 * partial fulfilment (the rule as it stood when the order was placed) a line short of stock is filled with what there
 * is, a line with none is dropped, and the order is paid and accepted for what it got; it is rejected only when it got
 * nothing.
 * <p>
 * The order aggregate is the single arbiter of the outcome: the saga gives back what it holds (stock, money) only
 * once the order's terminal event says so, and confirms stock only once OrderAccepted says so. Replies that arrive
 * after the order is over are compensated as they come; the saga ends when no reply is outstanding.
 * <p>
 * Public with a public no-arg constructor because Axon instantiates sagas reflectively without widening access.
 */
@Saga
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class OrderFulfilmentSaga {

    static final String ORDER_TIMEOUT = "order-timeout";
    private static final String ORDER_ID = "orderId";

    /**
     * The commands a processor's batch of saga steps sent, awaited together just before the batch commits. Static: the
     * saga instances of a batch share it, and a saga's state is stored without it.
     */
    static final BatchScope<SentCommands> SENT_COMMANDS = BatchScope.of(SentCommands::new, SentCommands::awaitAll);

    @Autowired
    transient CommandGateway commandGateway;

    @Autowired
    transient DeadlineManager deadlineManager;

    @Autowired
    transient OrderWorkflowSettings settings;

    @Autowired
    transient BusinessRules rules;

    private OrderId orderId;
    private CustomerId customerId;
    private List<LineProgress> lines = new ArrayList<>();
    private PaymentState payment = PaymentState.NOT_ASKED;
    private OrderProgress order = OrderProgress.PENDING;
    /** The pending timeout's schedule id; null once it fired or was cancelled. */
    private String timeoutId;
    /**
     * Whether the order accepts being filled in part: the rule read when it was placed, so that a rule changed while
     * it runs does not change its treatment (absent from a saga started before the rule, so false).
     */
    private boolean partialFulfilment;

    public OrderFulfilmentSaga() {}

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        customerId = event.customerId();
        lines = new ArrayList<>(
                event.lines().stream().map(LineProgress::awaiting).toList());
        partialFulfilment = rules.partialFulfilment();
        timeoutId = deadlineManager.schedule(settings.timeout(), ORDER_TIMEOUT);
        lines.forEach(
                line -> send(new ReserveStockCommand(line.productId(), orderId, line.quantity(), partialFulfilment)));
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReservedEvent event) {
        if (!awaits(event.productId())) {
            return;
        }
        if (order == OrderProgress.OVER) {
            update(
                    event.productId(),
                    line -> line.reserved(event.quantity(), event.unitPrice()).released());
            send(new ReleaseStockCommand(event.productId(), orderId));
            endWhenSettled();
            return;
        }
        update(event.productId(), line -> line.reserved(event.quantity(), event.unitPrice()));
        askPaymentWhenEveryLineIsAnswered();
    }

    /**
     * Asks the payment once every line is answered and the order may still be accepted: every line reserved, or, under
     * partial fulfilment, at least one. Not once a rejection is asked: taking money would only mean giving it back.
     */
    private void askPaymentWhenEveryLineIsAnswered() {
        if (order != OrderProgress.PENDING
                || !lines.stream().allMatch(line -> line.state().isAnswered())) {
            return;
        }
        boolean someReserved = lines.stream().anyMatch(line -> line.is(LineState.RESERVED));
        boolean allReserved = lines.stream().allMatch(line -> line.is(LineState.RESERVED));
        if (allReserved || (partialFulfilment && someReserved)) {
            payment = PaymentState.ASKED;
            send(new AuthorizePaymentCommand(customerId, orderId, total()));
        } else if (partialFulfilment) {
            askRejection(RejectionReason.OUT_OF_STOCK);
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReservationRejectedEvent event) {
        if (!awaits(event.productId())) {
            return;
        }
        update(event.productId(), LineProgress::rejected);
        if (order == OrderProgress.PENDING && partialFulfilment) {
            askPaymentWhenEveryLineIsAnswered();
        } else if (order == OrderProgress.PENDING) {
            askRejection(RejectionReason.OUT_OF_STOCK);
        } else if (order == OrderProgress.OVER) {
            endWhenSettled();
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentAuthorizedEvent event) {
        if (!payment.awaitsAnswer()) {
            return;
        }
        if (order == OrderProgress.OVER) {
            payment = PaymentState.REFUNDED;
            send(new RefundPaymentCommand(customerId, orderId));
            endWhenSettled();
            return;
        }
        payment = PaymentState.AUTHORIZED;
        // even when a rejection was asked: the order decides which comes first, and OrderRejected refunds
        send(new AcceptOrderCommand(orderId, total(), shortfall(), sold()));
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentDeclinedEvent event) {
        if (!payment.awaitsAnswer()) {
            return;
        }
        payment = PaymentState.DECLINED;
        if (order == OrderProgress.PENDING) {
            askRejection(RejectionReason.PAYMENT_DECLINED);
        } else if (order == OrderProgress.OVER) {
            endWhenSettled();
        }
    }

    @DeadlineHandler(deadlineName = ORDER_TIMEOUT)
    void onTimeout() {
        timeoutId = null;
        // asked again even when another rejection is pending: a no-op for the order, a safety net if that one failed
        if (order != OrderProgress.OVER) {
            askRejection(RejectionReason.TIMEOUT);
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderAcceptedEvent event) {
        order = OrderProgress.OVER;
        cancelTimeout();
        lines.stream()
                .filter(line -> !line.is(LineState.REJECTED))
                .forEach(line -> send(new ConfirmReservationCommand(line.productId(), orderId)));
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderRejectedEvent event) {
        giveBackAll();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderCancelledEvent event) {
        giveBackAll();
    }

    private void giveBackAll() {
        if (order == OrderProgress.OVER) {
            return;
        }
        order = OrderProgress.OVER;
        cancelTimeout();
        for (LineProgress line : List.copyOf(lines)) {
            if (line.is(LineState.RESERVED)) {
                update(line.productId(), LineProgress::released);
                send(new ReleaseStockCommand(line.productId(), orderId));
            }
        }
        if (payment == PaymentState.AUTHORIZED) {
            payment = PaymentState.REFUNDED;
            send(new RefundPaymentCommand(customerId, orderId));
        }
        endWhenSettled();
    }

    private void askRejection(RejectionReason reason) {
        order = OrderProgress.REJECTION_ASKED;
        send(new RejectOrderCommand(orderId, reason));
    }

    /** Ends the saga once no reply is outstanding: every line answered, and the payment if it was asked. */
    private void endWhenSettled() {
        boolean linesAnswered = lines.stream().allMatch(line -> line.state().isAnswered());
        if (linesAnswered && payment != PaymentState.ASKED) {
            SagaLifecycle.end();
        }
    }

    private void cancelTimeout() {
        if (timeoutId != null) {
            deadlineManager.cancelSchedule(ORDER_TIMEOUT, timeoutId);
            timeoutId = null;
        }
    }

    private boolean awaits(ProductId productId) {
        return lines.stream().anyMatch(line -> line.productId().equals(productId) && line.is(LineState.AWAITING));
    }

    private void update(ProductId productId, UnaryOperator<LineProgress> change) {
        lines.replaceAll(line -> line.productId().equals(productId) ? change.apply(line) : line);
    }

    /** What the reserved lines cost: every line's, unless lines were dropped under partial fulfilment. */
    private BigDecimal total() {
        return lines.stream()
                .filter(line -> line.is(LineState.RESERVED))
                .map(LineProgress::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The units each reserved line got, at its price: what the order will know a return may give back. */
    private List<PricedLine> sold() {
        return lines.stream()
                .filter(line -> line.is(LineState.RESERVED))
                .map(line -> new PricedLine(line.productId(), line.quantity(), line.unitPrice()))
                .toList();
    }

    private List<OrderLine> shortfall() {
        return lines.stream()
                .filter(line -> line.unitsNotFilled() > 0)
                .map(line -> new OrderLine(line.productId(), line.unitsNotFilled()))
                .toList();
    }

    /**
     * Sends the command, awaited before the batch commits: a failure (the database away, a conflict that outlived the
     * retries) fails the batch, which the processor rolls back and tries again, saga state and all. Every command the
     * saga sends is idempotent, so the ones that went through before the failure may be sent again.
     */
    private void send(Object command) {
        CompletableFuture<Object> result = commandGateway.send(command);
        SENT_COMMANDS.handle(sent -> sent.add(result));
    }
}
