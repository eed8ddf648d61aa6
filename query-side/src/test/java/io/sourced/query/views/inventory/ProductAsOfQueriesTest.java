package io.sourced.query.views.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.inventory.FindProductAsOfQuery;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.ProductView;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.query.InMemoryLog;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProductAsOfQueriesTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private final ProductId lamp = ProductId.random();
    private final OrderId orderId = OrderId.random();
    private final InMemoryLog log = new InMemoryLog()
            .record("Product", lamp, new ProductRegisteredEvent(lamp, "Lamp", new BigDecimal("20.00"), 3), T0)
            .record("Product", lamp, new ProductRestockedEvent(lamp, 2, null), T0.plusSeconds(10))
            .record(
                    "Product",
                    lamp,
                    new StockReservedEvent(lamp, orderId, 4, new BigDecimal("20.00")),
                    T0.plusSeconds(20))
            .record("Product", lamp, new ReservationConfirmedEvent(lamp, orderId, 4), T0.plusSeconds(30));
    private final ProductAsOfQueries queries = new ProductAsOfQueries(log.store());

    private ProductView asOf(Instant at) {
        return queries.handle(new FindProductAsOfQuery(lamp, at)).orElse(null);
    }

    @Test
    void asOf_beforeRegistration_isEmpty() {
        assertThat(asOf(T0.minusMillis(1))).isNull();
    }

    @Test
    void asOf_eachInstant_foldsTheEventsUpToIt() {
        assertThat(asOf(T0))
                .isEqualTo(new ProductView(lamp, "Lamp", new BigDecimal("20.00"), 3, 0, 0, "Uncategorised"));
        assertThat(asOf(T0.plusSeconds(15)))
                .isEqualTo(new ProductView(lamp, "Lamp", new BigDecimal("20.00"), 5, 0, 0, "Uncategorised"));
        assertThat(asOf(T0.plusSeconds(25)))
                .isEqualTo(new ProductView(lamp, "Lamp", new BigDecimal("20.00"), 1, 4, 0, "Uncategorised"));
        assertThat(asOf(T0.plusSeconds(3600)))
                .isEqualTo(new ProductView(lamp, "Lamp", new BigDecimal("20.00"), 1, 0, 4, "Uncategorised"));
    }
}
