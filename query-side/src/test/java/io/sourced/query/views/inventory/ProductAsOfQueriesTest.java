package io.sourced.query.views.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import io.sourced.api.inventory.FindProductAsOfQuery;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.ProductView;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.query.InMemoryLog;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class ProductAsOfQueriesTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final BigDecimal PRICE = new BigDecimal("20.00");
    private final ProductId lamp = ProductId.random();
    private final OrderId orderId = OrderId.random();

    private ProductView asOf(ProductAsOfQueries queries, Instant at) {
        return queries.handle(new FindProductAsOfQuery(lamp, at)).orElse(null);
    }

    @Test
    void asOf_beforeRegistration_isEmpty() {
        assertThat(asOf(shortHistory(), T0.minusMillis(1))).isNull();
    }

    @Test
    void asOf_eachInstant_foldsTheEventsUpToIt() {
        ProductAsOfQueries queries = shortHistory();
        assertThat(asOf(queries, T0)).isEqualTo(new ProductView(lamp, "Lamp", PRICE, 3, 0, 0, "Uncategorised"));
        assertThat(asOf(queries, T0.plusSeconds(15)))
                .isEqualTo(new ProductView(lamp, "Lamp", PRICE, 5, 0, 0, "Uncategorised"));
        assertThat(asOf(queries, T0.plusSeconds(25)))
                .isEqualTo(new ProductView(lamp, "Lamp", PRICE, 1, 4, 0, "Uncategorised"));
        assertThat(asOf(queries, T0.plusSeconds(3600)))
                .isEqualTo(new ProductView(lamp, "Lamp", PRICE, 1, 0, 4, "Uncategorised"));
    }

    @Test
    void asOf_aLongHistoryWithCheckpointsAndSnapshots_answersAsTheFoldOfTheStreamUpToTheInstant() {
        InMemoryLog log = longHistory(250);
        List<Instant> instants = new ArrayList<>();
        for (int second = -1; second <= 280; second++) {
            instants.add(T0.plusSeconds(second).minusMillis(1));
            instants.add(T0.plusSeconds(second));
            instants.add(T0.plusSeconds(second).plusMillis(500));
        }
        ProductAsOfQueries fromTheStart = new ProductAsOfQueries(InMemoryLog.asOf(log.store(), 10));
        ProductAsOfQueries fromTheEnd = new ProductAsOfQueries(InMemoryLog.asOf(log.store(), 10));
        asOf(fromTheEnd, T0.plusSeconds(3600));

        for (Instant at : instants) {
            ProductView whole = wholeFold(log.store(), at);
            assertThat(asOf(fromTheStart, at))
                    .as("checkpoints saved on the way, at %s", at)
                    .isEqualTo(whole);
            assertThat(asOf(fromTheEnd, at))
                    .as("every checkpoint saved first, at %s", at)
                    .isEqualTo(whole);
        }
        for (int i = instants.size() - 1; i >= 0; i--) {
            Instant at = instants.get(i);
            assertThat(asOf(fromTheStart, at)).as("read again, at %s", at).isEqualTo(wholeFold(log.store(), at));
        }
    }

    @Test
    void asOf_afterACheckpoint_readsOnlyTheEventsAfterIt_andBeforeIt_fallsBackToTheStart() {
        InMemoryLog log = longHistory(250);
        EventStore store = spy(log.store());
        ProductAsOfQueries queries = new ProductAsOfQueries(InMemoryLog.asOf(store, 100));
        asOf(queries, T0.plusSeconds(3600));
        clearInvocations(store);

        assertThat(asOf(queries, T0.plusSeconds(3600))).isEqualTo(wholeFold(log.store(), T0.plusSeconds(3600)));
        verify(store).readEvents(lamp.value(), 200L);
        verify(store, never()).readEvents(eq(lamp.value()), eq(0L));

        clearInvocations(store);
        assertThat(asOf(queries, T0.plusSeconds(50))).isEqualTo(wholeFold(log.store(), T0.plusSeconds(50)));
        verify(store).readEvents(lamp.value(), 0L);
        verify(store).readEvents(eq(lamp.value()), anyLong());
    }

    private ProductAsOfQueries shortHistory() {
        InMemoryLog log = new InMemoryLog()
                .record("Product", lamp, new ProductRegisteredEvent(lamp, "Lamp", PRICE, 3), T0)
                .record("Product", lamp, new ProductRestockedEvent(lamp, 2, null), T0.plusSeconds(10))
                .record("Product", lamp, new StockReservedEvent(lamp, orderId, 4, PRICE), T0.plusSeconds(20))
                .record("Product", lamp, new ReservationConfirmedEvent(lamp, orderId, 4), T0.plusSeconds(30));
        return new ProductAsOfQueries(InMemoryLog.asOf(log.store(), 2));
    }

    /**
     * A product registered at T0 and changed every second after it, by restocks and orders reserved, then sold or
     * released; some events recorded by a clock behind or ahead of the others, and snapshots of the aggregate taken
     * along the way, as the command side takes them.
     */
    private InMemoryLog longHistory(int changes) {
        InMemoryLog log =
                new InMemoryLog().record("Product", lamp, new ProductRegisteredEvent(lamp, "Lamp", PRICE, 5), T0);
        OrderId held = null;
        for (int i = 1; i <= changes; i++) {
            Instant at = T0.plusSeconds(i + (i % 47 == 0 ? -12 : 0) + (i % 61 == 0 ? 9 : 0));
            Object event;
            if (held != null) {
                event = i % 2 == 0
                        ? new ReservationConfirmedEvent(lamp, held, 1)
                        : new StockReleasedEvent(lamp, held, 1);
                held = null;
            } else if (i % 3 == 0) {
                held = OrderId.random();
                event = new StockReservedEvent(lamp, held, 1, PRICE);
            } else {
                event = new ProductRestockedEvent(lamp, i % 5 + 1, null);
            }
            log.record("Product", lamp, event, at);
            if (i % 50 == 0) {
                log.store()
                        .storeSnapshot(new GenericDomainEventMessage<>(
                                "Product",
                                lamp.value(),
                                i,
                                "the aggregate's state",
                                MetaData.emptyInstance(),
                                UUID.randomUUID().toString(),
                                at));
            }
        }
        return log;
    }

    /** The fold of the stream from its first event up to the first one recorded after the instant. */
    private ProductView wholeFold(EventStore store, Instant at) {
        ProductView view = null;
        DomainEventStream events = store.readEvents(lamp.value(), 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getTimestamp().isAfter(at)) {
                break;
            }
            view = ProductFold.apply(view, event.getPayload());
        }
        return view;
    }
}
