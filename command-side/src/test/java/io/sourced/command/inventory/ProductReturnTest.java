package io.sourced.command.inventory;

import static io.sourced.api.refusal.Refusal.Kind.*;
import static io.sourced.command.RefusalMatchers.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.idempotency.OperationId;
import io.sourced.api.inventory.CancelStockReturnCommand;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ReleaseReturnedStockCommand;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.ReturnStockCommand;
import io.sourced.api.inventory.ReturnedStockReleasedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.inventory.StockReturnCancelledEvent;
import io.sourced.api.inventory.StockReturnedEvent;
import io.sourced.api.inventory.WriteOffStockCommand;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.ReturnId;
import io.sourced.api.rules.BusinessRules;
import java.math.BigDecimal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Units of a return held until it is refunded, then available, or sold again when it fails. */
class ProductReturnTest {

    private static final BigDecimal PRICE = new BigDecimal("2.50");

    private final ProductId pen = ProductId.random();
    private final OrderId order = OrderId.random();
    private final ReturnId returnId = ReturnId.random();
    private final ProductRegisteredEvent registered = new ProductRegisteredEvent(pen, "Pen", PRICE, 10);
    private final StockReservedEvent reserved = new StockReservedEvent(pen, order, 3, PRICE);
    private final ReservationConfirmedEvent sold = new ReservationConfirmedEvent(pen, order, 3);
    private final StockReturnedEvent returned = new StockReturnedEvent(pen, order, returnId, 2);

    private AggregateTestFixture<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
        fixture.registerInjectableResource(BusinessRules.NONE);
    }

    @Test
    void returnStock_soldUnits_areHeldForTheReturn() {
        fixture.given(registered, reserved, sold)
                .when(new ReturnStockCommand(pen, order, returnId, 2))
                .expectEvents(returned)
                .expectState(product -> {
                    assertThat(product).extracting("available").isEqualTo(7);
                    assertThat(product).extracting("sold").isEqualTo(1);
                });
    }

    @Test
    void returnStock_twice_changesNothing() {
        fixture.given(registered, reserved, sold, returned)
                .when(new ReturnStockCommand(pen, order, returnId, 2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void returnStock_afterItsReturnWasReleased_changesNothing() {
        fixture.given(registered, reserved, sold, returned, new ReturnedStockReleasedEvent(pen, order, returnId, 2))
                .when(new ReturnStockCommand(pen, order, returnId, 2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void returnStock_moreThanWasSold_isRefused() {
        fixture.given(registered, reserved, sold)
                .when(new ReturnStockCommand(pen, order, returnId, 4))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
    }

    @Test
    void returnStock_quantityZero_isRefused() {
        fixture.given(registered, reserved, sold)
                .when(new ReturnStockCommand(pen, order, returnId, 0))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void releaseReturnedStock_held_makesTheUnitsAvailable() {
        fixture.given(registered, reserved, sold, returned)
                .when(new ReleaseReturnedStockCommand(pen, returnId))
                .expectEvents(new ReturnedStockReleasedEvent(pen, order, returnId, 2))
                .expectState(
                        product -> assertThat(product).extracting("available").isEqualTo(9));
    }

    @Test
    void releaseReturnedStock_nothingHeld_changesNothing() {
        fixture.given(registered, reserved, sold)
                .when(new ReleaseReturnedStockCommand(pen, returnId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cancelStockReturn_held_sellsTheUnitsAgain() {
        fixture.given(registered, reserved, sold, returned)
                .when(new CancelStockReturnCommand(pen, returnId))
                .expectEvents(new StockReturnCancelledEvent(pen, order, returnId, 2))
                .expectState(product -> {
                    assertThat(product).extracting("available").isEqualTo(7);
                    assertThat(product).extracting("sold").isEqualTo(3);
                });
    }

    @Test
    void cancelStockReturn_afterItWasReleased_changesNothing() {
        fixture.given(registered, reserved, sold, returned, new ReturnedStockReleasedEvent(pen, order, returnId, 2))
                .when(new CancelStockReturnCommand(pen, returnId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void writeOffStock_heldReturnedUnits_areNotAvailable() {
        fixture.given(registered, reserved, sold, returned)
                .when(new WriteOffStockCommand(pen, 8, "damaged", OperationId.random()))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
    }
}
