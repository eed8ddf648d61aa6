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
import io.sourced.api.inventory.ProductId;
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
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.RejectOrderCommand;
import io.sourced.api.ordering.ReturnCompletedEvent;
import io.sourced.api.ordering.ReturnFailedEvent;
import io.sourced.api.ordering.ReturnId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Where in the log each of the workflow's steps was answered: a {@code ReserveStock} of (product, order) by the
 * {@code StockReserved} or {@code StockReservationRejected} of that pair, a payment by its authorization or decline,
 * an acceptance or a rejection by the order's end (accepted, rejected or cancelled), a return's steps by their
 * answers, and so on. The sandbox runs the
 * saga's command at that position, so that where orders raced for the last units their reservations are decided in
 * the log's order.
 * <p>
 * Noted for the whole period before the replay, so it is kept compact: one array of longs, three a step (the order's id
 * in two, the step's kind and its product, interned, with the position in the third), and each step is let go once the
 * replay passed its position, after which it would be run at once anyway.
 */
final class Counterparts {

    static final int NONE = -1;

    private static final int RESERVE = 1;
    private static final int CONFIRM = 2;
    private static final int RELEASE = 3;
    private static final int PAY = 4;
    private static final int REFUND = 5;
    private static final int DECIDE = 6;
    private static final int RESTOCK_RETURN = 7;
    private static final int RELEASE_RETURNED = 8;
    private static final int CANCEL_RETURN = 9;
    private static final int REFUND_RETURN = 10;
    private static final int END_RETURN = 11;
    private static final int KIND_BITS = 4;

    private static final int SMALLEST = 1 << 10;

    /** One step: its kind and its product (interned; 0 for none), and the order or the return it is of. */
    private record Step(int kind, ProductId productId, UUID subject) {
        Step(int kind, ProductId productId, OrderId orderId) {
            this(kind, productId, UUID.fromString(orderId.value()));
        }

        Step(int kind, ProductId productId, ReturnId returnId) {
            this(kind, productId, UUID.fromString(returnId.value()));
        }
    }

    /** The products' interned numbers, from 1: as many as the world has products. */
    private final Map<ProductId, Integer> products = new HashMap<>();

    /**
     * Open addressing with linear probing, at most 4/5 full: three longs a slot, side by side so that a probe reads one
     * cache line (the order's id, then its kind and product in the high half and the position in the low half of the
     * third; a free slot's third is 0).
     */
    private long[] table = new long[SMALLEST * SLOT];

    private int size;

    private static final int SLOT = 3;

    /** Notes the entry's position if it answers one of the workflow's steps (the first answer of each). */
    void note(LogEntry entry) {
        Step step = answered(entry.payload());
        if (step == null) {
            return;
        }
        int kind = kindOf(step, true);
        UUID order = step.subject();
        int slot = slotOf(order.getMostSignificantBits(), order.getLeastSignificantBits(), kind);
        if (table[slot + 2] == 0) {
            put(slot, order.getMostSignificantBits(), order.getLeastSignificantBits(), kind, entry.position());
        }
    }

    /** The position at which the command's real counterpart was answered, or {@link #NONE}. */
    int positionOf(Object command) {
        int slot = find(asked(command));
        return slot < 0 ? NONE : (int) table[slot + 2];
    }

    /**
     * The replay passed the entry: the step it answered is let go (a command asking it from now on runs at once, as it
     * would when its answer is behind the replay).
     */
    void passed(LogEntry entry) {
        int slot = find(answered(entry.payload()));
        if (slot >= 0 && (int) table[slot + 2] == entry.position()) {
            remove(slot);
        }
    }

    /** The steps still held, for tests. */
    int size() {
        return size;
    }

    private int find(Step step) {
        if (step == null) {
            return -1;
        }
        int kind = kindOf(step, false);
        if (kind < 0) {
            return -1;
        }
        UUID order = step.subject();
        int slot = slotOf(order.getMostSignificantBits(), order.getLeastSignificantBits(), kind);
        return table[slot + 2] == 0 ? -1 : slot;
    }

    /** The step's kind and product in one int; -1 for a product never noted, unless {@code intern}. */
    private int kindOf(Step step, boolean intern) {
        if (step.productId() == null) {
            return step.kind();
        }
        Integer product = intern
                ? products.computeIfAbsent(step.productId(), id -> products.size() + 1)
                : products.get(step.productId());
        return product == null ? -1 : product << KIND_BITS | step.kind();
    }

    private int slots() {
        return table.length / SLOT;
    }

    /** The slot (its first index) holding the key, or the free slot where it belongs. */
    private int slotOf(long high, long low, int kind) {
        int mask = slots() - 1;
        int slot = (hash(high, low, kind) & mask) * SLOT;
        while (table[slot + 2] != 0 && !(kindAt(slot) == kind && table[slot] == high && table[slot + 1] == low)) {
            slot = next(slot);
        }
        return slot;
    }

    private int next(int slot) {
        int following = slot + SLOT;
        return following == table.length ? 0 : following;
    }

    private int kindAt(int slot) {
        return (int) (table[slot + 2] >>> 32);
    }

    private int homeOf(int slot) {
        return (hash(table[slot], table[slot + 1], kindAt(slot)) & (slots() - 1)) * SLOT;
    }

    private static int hash(long high, long low, int kind) {
        long mixed = (high * 31 + low) * 31 + kind;
        mixed ^= mixed >>> 33;
        mixed *= 0xff51afd7ed558ccdL;
        mixed ^= mixed >>> 33;
        return (int) mixed;
    }

    private void put(int slot, long high, long low, int kind, int position) {
        table[slot] = high;
        table[slot + 1] = low;
        table[slot + 2] = (long) kind << 32 | position;
        size++;
        if (size * 5 > slots() * 4) {
            resize(slots() * 2);
        }
    }

    /** Frees the slot and moves back the entries after it that could not take their place while it was held. */
    private void remove(int slot) {
        int free = slot;
        int next = next(free);
        while (table[next + 2] != 0) {
            int home = homeOf(next);
            // the entry may move to the free slot unless its home lies cyclically in (free, next]
            boolean stays = free <= next ? free < home && home <= next : free < home || home <= next;
            if (!stays) {
                System.arraycopy(table, next, table, free, SLOT);
                free = next;
            }
            next = next(next);
        }
        table[free + 2] = 0;
        size--;
        if (slots() > SMALLEST && size * 8 < slots()) {
            resize(slots() / 2);
        }
    }

    private void resize(int slots) {
        long[] old = table;
        table = new long[slots * SLOT];
        for (int slot = 0; slot < old.length; slot += SLOT) {
            if (old[slot + 2] != 0) {
                int to = slotOf(old[slot], old[slot + 1], (int) (old[slot + 2] >>> 32));
                System.arraycopy(old, slot, table, to, SLOT);
            }
        }
    }

    private static Step asked(Object command) {
        if (command instanceof ReserveStockCommand reserve) {
            return new Step(RESERVE, reserve.productId(), reserve.orderId());
        }
        if (command instanceof ConfirmReservationCommand confirm) {
            return new Step(CONFIRM, confirm.productId(), confirm.orderId());
        }
        if (command instanceof ReleaseStockCommand release) {
            return new Step(RELEASE, release.productId(), release.orderId());
        }
        if (command instanceof AuthorizePaymentCommand pay) {
            return new Step(PAY, null, pay.orderId());
        }
        if (command instanceof RefundPaymentCommand refund) {
            return new Step(REFUND, null, refund.orderId());
        }
        if (command instanceof AcceptOrderCommand accept) {
            return new Step(DECIDE, null, accept.orderId());
        }
        if (command instanceof RejectOrderCommand reject) {
            return new Step(DECIDE, null, reject.orderId());
        }
        return askedOfAReturn(command);
    }

    private static Step answered(Object event) {
        if (event instanceof StockReservedEvent reserved) {
            return new Step(RESERVE, reserved.productId(), reserved.orderId());
        }
        if (event instanceof StockReservationRejectedEvent rejected) {
            return new Step(RESERVE, rejected.productId(), rejected.orderId());
        }
        if (event instanceof ReservationConfirmedEvent confirmed) {
            return new Step(CONFIRM, confirmed.productId(), confirmed.orderId());
        }
        if (event instanceof StockReleasedEvent released) {
            return new Step(RELEASE, released.productId(), released.orderId());
        }
        if (event instanceof PaymentAuthorizedEvent authorized) {
            return new Step(PAY, null, authorized.orderId());
        }
        if (event instanceof PaymentDeclinedEvent declined) {
            return new Step(PAY, null, declined.orderId());
        }
        if (event instanceof PaymentRefundedEvent refunded) {
            return new Step(REFUND, null, refunded.orderId());
        }
        if (event instanceof OrderAcceptedEvent accepted) {
            return new Step(DECIDE, null, accepted.orderId());
        }
        if (event instanceof OrderRejectedEvent rejected) {
            return new Step(DECIDE, null, rejected.orderId());
        }
        // a cancel decided the order first: the workflow's acceptance or rejection waits for it, and changes nothing
        if (event instanceof OrderCancelledEvent cancelled) {
            return new Step(DECIDE, null, cancelled.orderId());
        }
        return answeredForAReturn(event);
    }

    /** The returns workflow's steps, each of one return. */
    private static Step askedOfAReturn(Object command) {
        if (command instanceof ReturnStockCommand restock) {
            return new Step(RESTOCK_RETURN, restock.productId(), restock.returnId());
        }
        if (command instanceof ReleaseReturnedStockCommand release) {
            return new Step(RELEASE_RETURNED, release.productId(), release.returnId());
        }
        if (command instanceof CancelStockReturnCommand cancel) {
            return new Step(CANCEL_RETURN, cancel.productId(), cancel.returnId());
        }
        if (command instanceof RefundReturnCommand refund) {
            return new Step(REFUND_RETURN, null, refund.returnId());
        }
        if (command instanceof CompleteReturnCommand complete) {
            return new Step(END_RETURN, null, complete.returnId());
        }
        if (command instanceof FailReturnCommand fail) {
            return new Step(END_RETURN, null, fail.returnId());
        }
        return null;
    }

    private static Step answeredForAReturn(Object event) {
        if (event instanceof StockReturnedEvent returned) {
            return new Step(RESTOCK_RETURN, returned.productId(), returned.returnId());
        }
        if (event instanceof ReturnedStockReleasedEvent released) {
            return new Step(RELEASE_RETURNED, released.productId(), released.returnId());
        }
        if (event instanceof StockReturnCancelledEvent cancelled) {
            return new Step(CANCEL_RETURN, cancelled.productId(), cancelled.returnId());
        }
        if (event instanceof ReturnRefundedEvent refunded) {
            return new Step(REFUND_RETURN, null, refunded.returnId());
        }
        if (event instanceof ReturnRefundDeclinedEvent declined) {
            return new Step(REFUND_RETURN, null, declined.returnId());
        }
        if (event instanceof ReturnCompletedEvent completed) {
            return new Step(END_RETURN, null, completed.returnId());
        }
        if (event instanceof ReturnFailedEvent failed) {
            return new Step(END_RETURN, null, failed.returnId());
        }
        return null;
    }
}
