package io.sourced.query.views.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.ProductView;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.query.InMemoryLog;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

class ProductStatesTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final BigDecimal PRICE = new BigDecimal("20.00");
    private final ProductId lamp = ProductId.random();

    /** What the states give for a page: the version, the view before and the view after. */
    private record Seen(long version, ProductView before, ProductView after) {}

    private static List<Seen> page(ProductStates states, String id, long after, int limit) {
        List<Seen> seen = new ArrayList<>();
        states.versions(
                id,
                after,
                limit,
                (event, before, state) ->
                        seen.add(new Seen(event.getSequenceNumber(), (ProductView) before, (ProductView) state)));
        return seen;
    }

    @Test
    void versions_ofAShortHistory_areTheViewAfterEachEvent_withTheOneBefore() {
        InMemoryLog log = new InMemoryLog()
                .record("Product", lamp, new ProductRegisteredEvent(lamp, "Lamp", PRICE, 3), T0)
                .record("Product", lamp, new ProductRestockedEvent(lamp, 2, null), T0.plusSeconds(10));
        ProductStates states = new ProductStates(InMemoryLog.asOf(log.store(), 1000));
        ProductView registered = new ProductView(lamp, "Lamp", PRICE, 3, 0, 0, "Uncategorised");
        ProductView restocked = new ProductView(lamp, "Lamp", PRICE, 5, 0, 0, "Uncategorised");

        assertThat(page(states, lamp.value(), -1, 100))
                .containsExactly(new Seen(0, null, registered), new Seen(1, registered, restocked));
        assertThat(page(states, lamp.value(), 0, 100)).containsExactly(new Seen(1, registered, restocked));
        assertThat(page(states, lamp.value(), 1, 100)).isEmpty();
        assertThat(page(states, ProductId.random().value(), -1, 100)).isEmpty();
    }

    @Test
    void versions_aPageAtATime_resumeAfterTheLastVersion_untilTheLastPageIsShort() {
        InMemoryLog log = longHistory(24);
        ProductStates states = new ProductStates(InMemoryLog.asOf(log.store(), 1000));
        List<Seen> whole = page(states, lamp.value(), -1, 1000);

        List<Seen> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        long after = -1;
        List<Seen> page;
        do {
            page = page(states, lamp.value(), after, 10);
            paged.addAll(page);
            sizes.add(page.size());
            after = page.isEmpty() ? after : page.get(page.size() - 1).version();
        } while (page.size() == 10);

        assertThat(whole)
                .hasSize(25)
                .extracting(Seen::version)
                .startsWith(0L, 1L)
                .endsWith(24L);
        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(paged).isEqualTo(whole);
    }

    @Test
    void versions_startingLateInALongHistory_fromACheckpoint_areThoseOfAFoldFromTheStart() {
        InMemoryLog log = longHistory(250);
        List<Seen> fromTheStart = page(new ProductStates(InMemoryLog.asOf(log.store(), 100000)), lamp.value(), -1, 251);
        EventStore store = spy(log.store());
        ProductStates checkpointed = new ProductStates(InMemoryLog.asOf(store, 50));
        page(checkpointed, lamp.value(), -1, 251);
        clearInvocations(store);

        List<Seen> late = page(checkpointed, lamp.value(), 219, 20);

        assertThat(late).isEqualTo(fromTheStart.subList(220, 240));
        verify(store).readEvents(lamp.value(), 200L);
        verify(store, never()).readEvents(eq(lamp.value()), eq(0L));
    }

    /** A product registered at T0 and changed every second after it by restocks and reservations released. */
    private InMemoryLog longHistory(int changes) {
        InMemoryLog log =
                new InMemoryLog().record("Product", lamp, new ProductRegisteredEvent(lamp, "Lamp", PRICE, 5), T0);
        OrderId held = null;
        for (int i = 1; i <= changes; i++) {
            Object event;
            if (held != null) {
                event = new StockReleasedEvent(lamp, held, 1);
                held = null;
            } else if (i % 3 == 0) {
                held = OrderId.random();
                event = new StockReservedEvent(lamp, held, 1, PRICE);
            } else {
                event = new ProductRestockedEvent(lamp, i % 5 + 1, null);
            }
            log.record("Product", lamp, event, T0.plusSeconds(i));
        }
        return log;
    }
}
