package io.sourced.timelines.engine;

import io.sourced.api.finance.AuthorizePaymentCommand;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentDeclinedEvent;
import io.sourced.api.finance.PaymentRefundedEvent;
import io.sourced.api.finance.RefundPaymentCommand;
import io.sourced.api.inventory.ConfirmReservationCommand;
import io.sourced.api.inventory.ReleaseStockCommand;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.ReserveStockCommand;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.AcceptOrderCommand;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.RejectOrderCommand;
import java.util.HashMap;
import java.util.Map;

/**
 * Where in the log each of the workflow's steps was answered: a {@code ReserveStock} of (product, order) by the
 * {@code StockReserved} or {@code StockReservationRejected} of that pair, a payment by its authorization or decline,
 * an acceptance or a rejection by the order's end (accepted, rejected or cancelled), and so on. The sandbox runs the saga's command at that position, so that where orders raced for the last units
 * their reservations are decided in the log's order.
 */
final class Counterparts {

    private record Step(String kind, String target, OrderId orderId) {}

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
        return null;
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
        return null;
    }
}
