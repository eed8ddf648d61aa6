package io.sourced.timelines.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.finance.AuthorizePaymentCommand;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ReserveStockCommand;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.AcceptOrderCommand;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CounterpartsTest {

    private static final BigDecimal PRICE = new BigDecimal("10.00");

    private final Counterparts counterparts = new Counterparts();
    private final ProductId lamp = ProductId.random();
    private final CustomerId ann = CustomerId.random();
    private int position;

    @Test
    void step_isAnsweredAtItsFirstAnswer_inTheLog() {
        OrderId order = OrderId.random();
        note(new StockReservedEvent(lamp, order, 1, PRICE));
        note(new StockReservationRejectedEvent(lamp, order, 1, 0));
        note(new OrderCancelledEvent(order, ann));

        assertThat(counterparts.positionOf(new ReserveStockCommand(lamp, order, 1, false)))
                .isZero();
        assertThat(counterparts.positionOf(new AcceptOrderCommand(order, PRICE, List.of())))
                .isEqualTo(2);
        assertThat(counterparts.positionOf(new ReserveStockCommand(ProductId.random(), order, 1, false)))
                .isEqualTo(Counterparts.NONE);
        assertThat(counterparts.positionOf(new AuthorizePaymentCommand(ann, order, PRICE)))
                .isEqualTo(Counterparts.NONE);
    }

    @Test
    void stepsPassed_areLetGo_theOthersStillFound() {
        List<LogEntry> answers = new ArrayList<>();
        List<OrderId> orders = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            OrderId order = OrderId.random();
            orders.add(order);
            answers.add(note(new StockReservedEvent(lamp, order, 1, PRICE)));
            answers.add(note(new PaymentAuthorizedEvent(ann, order, PRICE, PRICE)));
        }
        // passed in another order than noted, so that the table's slots are freed everywhere
        List<Integer> passedFirst = new ArrayList<>();
        for (int i = 0; i < orders.size(); i += 2) {
            passedFirst.add(i);
        }
        Collections.shuffle(passedFirst, new Random(17));
        passedFirst.forEach(i -> counterparts.passed(answers.get(2 * i)));

        assertThat(counterparts.size()).isEqualTo(7_500);
        for (int i = 0; i < orders.size(); i++) {
            OrderId order = orders.get(i);
            assertThat(counterparts.positionOf(new ReserveStockCommand(lamp, order, 1, false)))
                    .isEqualTo(i % 2 == 0 ? Counterparts.NONE : 2 * i);
            assertThat(counterparts.positionOf(new AuthorizePaymentCommand(ann, order, PRICE)))
                    .isEqualTo(2 * i + 1);
        }
        answers.forEach(counterparts::passed);
        assertThat(counterparts.size()).isZero();
    }

    @Test
    void laterAnswerOfAStepAnsweredBefore_letsNothingGo() {
        OrderId order = OrderId.random();
        note(new StockReservedEvent(lamp, order, 1, PRICE));
        LogEntry again = note(new StockReservedEvent(lamp, order, 1, PRICE));

        counterparts.passed(again);

        assertThat(counterparts.positionOf(new ReserveStockCommand(lamp, order, 1, false)))
                .isZero();
    }

    private LogEntry note(Object event) {
        LogEntry entry = new LogEntry(position++, Instant.EPOCH, "event-" + position, event);
        counterparts.note(entry);
        return entry;
    }
}
