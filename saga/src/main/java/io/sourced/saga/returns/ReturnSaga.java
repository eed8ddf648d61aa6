package io.sourced.saga.returns;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.RefundReturnCommand;
import io.sourced.api.finance.ReturnRefundDeclinedEvent;
import io.sourced.api.finance.ReturnRefundedEvent;
import io.sourced.api.inventory.CancelStockReturnCommand;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ReleaseReturnedStockCommand;
import io.sourced.api.inventory.ReturnStockCommand;
import io.sourced.api.inventory.ReturnedStockReleasedEvent;
import io.sourced.api.inventory.StockReturnCancelledEvent;
import io.sourced.api.inventory.StockReturnedEvent;
import io.sourced.api.ordering.CompleteReturnCommand;
import io.sourced.api.ordering.FailReturnCommand;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.ReturnCompletedEvent;
import io.sourced.api.ordering.ReturnFailedEvent;
import io.sourced.api.ordering.ReturnId;
import io.sourced.api.ordering.ReturnRequestedEvent;
import io.sourced.api.refusal.Refusal;
import io.sourced.saga.returns.ReturnLine.State;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The returns workflow: puts each line's units back into stock, held by the product, then refunds their price; once
 * refunded, makes the units available and completes the return. A refund declined fails the return and sells the held
 * units again, so a failed return leaves nothing done; the order makes its units returnable again.
 * <p>
 * A step that fails (a product that refuses the units, the database away) is not rolled back and retried by the
 * processor, as the order workflow's are: it would hold the processor's other returns behind one that cannot go on.
 * Each step is awaited where it is sent, and one that failed is sent again when the retry deadline fires. The return
 * deadline bounds how long the units may take to be back: when it fires first, the return fails with the reason of the
 * last failure. Once every unit is back the account's answer decides, so a refund is never made for a return already
 * given up. Both deadlines are persisted, like the order workflow's timeout. Every step is idempotent in its
 * aggregate, so sending one again is harmless. The saga ends once the order recorded the outcome and no unit is held.
 * <p>
 * Public with a public no-arg constructor because Axon instantiates sagas reflectively without widening access.
 */
@Saga
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class ReturnSaga {

    static final String RETURN_DEADLINE = "return-deadline";
    static final String RETURN_RETRY = "return-retry";
    private static final String RETURN_ID = "returnId";
    private static final String USERNAME = "username";
    private static final Logger log = LoggerFactory.getLogger(ReturnSaga.class);

    enum Phase {
        /** The units are asked back into stock. */
        RESTOCKING,
        /** Every unit is back; the refund is asked. */
        REFUNDING,
        /** Refunded: the units are made available and the order told. */
        COMPLETING,
        /** Given up: the held units are sold again and the order told. */
        FAILING
    }

    @Autowired
    transient CommandGateway commandGateway;

    @Autowired
    transient DeadlineManager deadlineManager;

    @Autowired
    transient ReturnWorkflowSettings settings;

    private ReturnId returnId;
    private OrderId orderId;
    private CustomerId customerId;
    private BigDecimal amount;
    private List<ReturnLine> lines = new ArrayList<>();
    private Phase phase = Phase.RESTOCKING;
    private boolean orderTold;
    /** Why the last step that failed did; null while none did. */
    private String lastFailure;
    /** The pending return deadline's schedule id; null once it fired or was cancelled. */
    private String deadlineId;
    /** The pending retry's schedule id; null when no step waits to be sent again. */
    private String retryId;
    /**
     * Who asked the return (its event's metadata): each step is sent in their name, so that a step sent again at a
     * deadline is still theirs in the audit trails, as one sent while handling their events is.
     */
    private String requestedBy;

    public ReturnSaga() {}

    @StartSaga
    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ReturnRequestedEvent event, @MetaDataValue(USERNAME) String username) {
        requestedBy = username;
        returnId = event.returnId();
        orderId = event.orderId();
        customerId = event.customerId();
        amount = event.amount();
        lines = new ArrayList<>(event.lines().stream()
                .map(line -> new ReturnLine(line.productId(), line.quantity(), State.ASKED))
                .toList());
        deadlineId = deadlineManager.schedule(settings.timeout(), RETURN_DEADLINE);
        restock();
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(StockReturnedEvent event) {
        if (!update(event.productId(), State.ASKED, State.HELD)) {
            return;
        }
        if (phase == Phase.FAILING) {
            // back after the return was given up: sold again, as the return's other units
            attempt(new CancelStockReturnCommand(event.productId(), returnId));
        } else if (phase == Phase.RESTOCKING && lines.stream().allMatch(line -> line.is(State.HELD))) {
            phase = Phase.REFUNDING;
            refund();
        }
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ReturnRefundedEvent event) {
        if (phase != Phase.REFUNDING) {
            return;
        }
        phase = Phase.COMPLETING;
        cancelDeadlines();
        complete();
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ReturnRefundDeclinedEvent event) {
        if (phase == Phase.REFUNDING) {
            fail("the refund was declined: " + event.reason());
        }
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ReturnedStockReleasedEvent event) {
        update(event.productId(), State.HELD, State.RELEASED);
        endWhenSettled();
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(StockReturnCancelledEvent event) {
        update(event.productId(), State.HELD, State.CANCELLED);
        endWhenSettled();
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ReturnCompletedEvent event) {
        orderTold = true;
        endWhenSettled();
    }

    @SagaEventHandler(associationProperty = RETURN_ID)
    void on(ReturnFailedEvent event) {
        orderTold = true;
        endWhenSettled();
    }

    /** Sends again what the current phase still waits for: every step is idempotent. */
    @DeadlineHandler(deadlineName = RETURN_RETRY)
    void onRetry() {
        retryId = null;
        switch (phase) {
            case RESTOCKING -> restock();
            case REFUNDING -> refund();
            case COMPLETING -> complete();
            case FAILING -> undo();
        }
    }

    /** Units not all back in time: the return fails. Once they are, the account's answer decides instead. */
    @DeadlineHandler(deadlineName = RETURN_DEADLINE)
    void onDeadline() {
        deadlineId = null;
        if (phase == Phase.RESTOCKING) {
            fail(
                    lastFailure != null
                            ? "the units could not be put back in stock: " + lastFailure
                            : "the units were not back in stock within " + settings.timeout());
        }
    }

    private void restock() {
        lines.stream()
                .filter(line -> line.is(State.ASKED))
                .forEach(line -> attempt(new ReturnStockCommand(line.productId(), orderId, returnId, line.quantity())));
    }

    private void refund() {
        attempt(new RefundReturnCommand(customerId, orderId, returnId, amount));
    }

    private void complete() {
        lines.stream()
                .filter(line -> line.is(State.HELD))
                .forEach(line -> attempt(new ReleaseReturnedStockCommand(line.productId(), returnId)));
        if (!orderTold) {
            attempt(new CompleteReturnCommand(orderId, returnId));
        }
    }

    private void fail(String reason) {
        phase = Phase.FAILING;
        lastFailure = reason;
        cancelDeadlines();
        undo();
    }

    /**
     * Sells the held units again, and asks every line not known to be back as well: a no-op at a product that holds
     * none, it settles one whose answer is still on its way.
     */
    private void undo() {
        lines.stream()
                .filter(line -> line.is(State.HELD) || line.is(State.ASKED))
                .forEach(line -> attempt(new CancelStockReturnCommand(line.productId(), returnId)));
        if (!orderTold) {
            attempt(new FailReturnCommand(orderId, returnId, lastFailure));
        }
    }

    /** Ends once the order recorded the outcome and no unit is held for the return. */
    private void endWhenSettled() {
        if (orderTold && lines.stream().noneMatch(line -> line.is(State.HELD))) {
            cancelDeadlines();
            SagaLifecycle.end();
        }
    }

    /**
     * Sends the command and waits for it; a failure is remembered and the step sent again at the retry deadline. Never
     * thrown: the processor's batch, with the other returns' steps, commits.
     */
    private void attempt(Object command) {
        try {
            commandGateway.sendAndWait(
                    requestedBy == null
                            ? command
                            : GenericCommandMessage.asCommandMessage(command)
                                    .andMetaData(Map.of(USERNAME, requestedBy)));
        } catch (RuntimeException failure) {
            String reason = Refusal.of(failure).map(Refusal::reason).orElse(String.valueOf(failure.getMessage()));
            log.warn(
                    "Return {}: {} failed, sent again in {}: {}",
                    returnId,
                    command.getClass().getSimpleName(),
                    settings.retry(),
                    reason);
            if (phase == Phase.RESTOCKING) {
                lastFailure = reason;
            }
            if (retryId == null) {
                retryId = deadlineManager.schedule(settings.retry(), RETURN_RETRY);
            }
        }
    }

    private boolean update(ProductId productId, State from, State to) {
        boolean[] changed = {false};
        UnaryOperator<ReturnLine> change = line -> {
            if (line.productId().equals(productId) && line.is(from)) {
                changed[0] = true;
                return line.in(to);
            }
            return line;
        };
        lines.replaceAll(change);
        return changed[0];
    }

    private void cancelDeadlines() {
        if (deadlineId != null) {
            deadlineManager.cancelSchedule(RETURN_DEADLINE, deadlineId);
            deadlineId = null;
        }
        if (retryId != null) {
            deadlineManager.cancelSchedule(RETURN_RETRY, retryId);
            retryId = null;
        }
    }
}
