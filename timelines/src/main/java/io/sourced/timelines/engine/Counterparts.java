package io.sourced.timelines.engine;

import io.sourced.api.finance.AuthorizePaymentCommand;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentDeclinedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.api.finance.RefundPaymentCommand;
import io.sourced.api.finance.RefundReturnCommand;
import io.sourced.api.finance.ReturnRefundDeclinedEvent;
import io.sourced.api.finance.ReturnRefundedEvent;
import io.sourced.api.inventory.CancelStockReturnCommand;
import io.sourced.api.inventory.ConfirmReservationCommand;
import io.sourced.api.inventory.ReleaseReturnedStockCommand;
import io.sourced.api.inventory.ReleaseStockCommand;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.ReserveStockCommand;
import io.sourced.api.inventory.ReturnStockCommand;
import io.sourced.api.inventory.ReturnedStockReleasedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.inventory.StockReturnCancelledEvent;
import io.sourced.api.inventory.StockReturnedEvent;
import io.sourced.api.ordering.AcceptOrderCommand;
import io.sourced.api.ordering.CompleteReturnCommand;
import io.sourced.api.ordering.FailReturnCommand;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.RejectOrderCommand;
import io.sourced.api.ordering.ReturnCompletedEvent;
import io.sourced.api.ordering.ReturnFailedEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Where in the log each of the workflow's steps was answered: a {@code ReserveStock} of (product, order) by the
 * {@code StockReserved} or {@code StockReservationRejected} of that pair, a payment by its authorization or decline,
 * an acceptance or a rejection by the order's end (accepted, rejected or cancelled), a return's steps by their
 * answers, and so on. The sandbox runs the saga's command at that position, so that where orders raced for the last units
 * their reservations are decided in the log's order.
 */
final class Counterparts {

    /** What was asked of which aggregate ({@code target}, or none), for which order or return ({@code subject}). */
    private record Step(String kind, String target, Object subject) {}

    static final int NONE = -1;

    private final Map<Step, Integer> positions = new HashMap<>();

    /** Notes the entry's position if it answers one of the workflow's steps (the first answer of each). */
    void note(LogEntry entry) {
        Step step = answered(entry.payload());
        if (step != null) {
            positions.putIfAbsent(step, entry.position());
        }
    }

    /** The position at which the command's real counterpart was answered, or {@link #NONE}. */
    int positionOf(Object command) {
        Step step = asked(command);
        return step == null ? NONE : positions.getOrDefault(step, NONE);
    }

    private static Step asked(Object command) {
        if (command instanceof ReserveStockCommand reserve) {
            return new Step("reserve", reserve.productId().value(), reserve.orderId());
        }
        if (command instanceof ConfirmReservationCommand confirm) {
            return new Step("confirm", confirm.productId().value(), confirm.orderId());
        }
        if (command instanceof ReleaseStockCommand release) {
            return new Step("release", release.productId().value(), release.orderId());
        }
        if (command instanceof AuthorizePaymentCommand pay) {
            return new Step("pay", "", pay.orderId());
        }
        if (command instanceof RefundPaymentCommand refund) {
            return new Step("refund", "", refund.orderId());
        }
        if (command instanceof AcceptOrderCommand accept) {
            return new Step("decide", "", accept.orderId());
        }
        if (command instanceof RejectOrderCommand reject) {
            return new Step("decide", "", reject.orderId());
        }
        return askedOfAReturn(command);
    }

    private static Step answered(Object event) {
        if (event instanceof StockReservedEvent reserved) {
            return new Step("reserve", reserved.productId().value(), reserved.orderId());
        }
        if (event instanceof StockReservationRejectedEvent rejected) {
            return new Step("reserve", rejected.productId().value(), rejected.orderId());
        }
        if (event instanceof ReservationConfirmedEvent confirmed) {
            return new Step("confirm", confirmed.productId().value(), confirmed.orderId());
        }
        if (event instanceof StockReleasedEvent released) {
            return new Step("release", released.productId().value(), released.orderId());
        }
        if (event instanceof PaymentAuthorizedEvent authorized) {
            return new Step("pay", "", authorized.orderId());
        }
        if (event instanceof PaymentDeclinedEvent declined) {
            return new Step("pay", "", declined.orderId());
        }
        if (event instanceof PaymentRefundedEvent refunded) {
            return new Step("refund", "", refunded.orderId());
        }
        if (event instanceof OrderAcceptedEvent accepted) {
            return new Step("decide", "", accepted.orderId());
        }
        if (event instanceof OrderRejectedEvent rejected) {
            return new Step("decide", "", rejected.orderId());
        }
        // a cancel decided the order first: the workflow's acceptance or rejection waits for it, and changes nothing
        if (event instanceof OrderCancelledEvent cancelled) {
            return new Step("decide", "", cancelled.orderId());
        }
        return answeredForAReturn(event);
    }

    /** The returns workflow's steps, each of one return. */
    private static Step askedOfAReturn(Object command) {
        if (command instanceof ReturnStockCommand restock) {
            return new Step("restock", restock.productId().value(), restock.returnId());
        }
        if (command instanceof ReleaseReturnedStockCommand release) {
            return new Step("release-returned", release.productId().value(), release.returnId());
        }
        if (command instanceof CancelStockReturnCommand cancel) {
            return new Step("cancel-return", cancel.productId().value(), cancel.returnId());
        }
        if (command instanceof RefundReturnCommand refund) {
            return new Step("refund-return", "", refund.returnId());
        }
        if (command instanceof CompleteReturnCommand complete) {
            return new Step("end-return", "", complete.returnId());
        }
        if (command instanceof FailReturnCommand fail) {
            return new Step("end-return", "", fail.returnId());
        }
        return null;
    }

    private static Step answeredForAReturn(Object event) {
        if (event instanceof StockReturnedEvent returned) {
            return new Step("restock", returned.productId().value(), returned.returnId());
        }
        if (event instanceof ReturnedStockReleasedEvent released) {
            return new Step("release-returned", released.productId().value(), released.returnId());
        }
        if (event instanceof StockReturnCancelledEvent cancelled) {
            return new Step("cancel-return", cancelled.productId().value(), cancelled.returnId());
        }
        if (event instanceof ReturnRefundedEvent refunded) {
            return new Step("refund-return", "", refunded.returnId());
        }
        if (event instanceof ReturnRefundDeclinedEvent declined) {
            return new Step("refund-return", "", declined.returnId());
        }
        if (event instanceof ReturnCompletedEvent completed) {
            return new Step("end-return", "", completed.returnId());
        }
        if (event instanceof ReturnFailedEvent failed) {
            return new Step("end-return", "", failed.returnId());
        }
        return null;
    }
}
