package io.sourced.command.inventory;

import static io.sourced.api.refusal.Refusal.Kind.*;
import static io.sourced.command.RefusalMatchers.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.idempotency.OperationId;
import io.sourced.api.inventory.AutoRestockScheduledEvent;
import io.sourced.api.inventory.ConfirmReservationCommand;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.RegisterProductCommand;
import io.sourced.api.inventory.ReleaseStockCommand;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.ReserveStockCommand;
import io.sourced.api.inventory.RestockProductCommand;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.inventory.StockWrittenOffEvent;
import io.sourced.api.inventory.WriteOffStockCommand;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.rules.BusinessRules;
import io.sourced.command.idempotency.RecentOperations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class ProductTest {

    private static final BigDecimal PRICE = new BigDecimal("2.50");

    private final ProductId pen = ProductId.random();
    private final OrderId order = OrderId.random();
    private final OrderId otherOrder = OrderId.random();
    private final OperationId operation = OperationId.random();
    private final ProductRegisteredEvent registered = new ProductRegisteredEvent(pen, "Pen", PRICE, 10);

    private AggregateTestFixture<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = withRules(BusinessRules.NONE);
    }

    private static AggregateTestFixture<Product> withRules(BusinessRules rules) {
        AggregateTestFixture<Product> fixture = new AggregateTestFixture<>(Product.class);
        fixture.registerInjectableResource(rules);
        return fixture;
    }

    private static BusinessRules partialFulfilment() {
        return new BusinessRules(true, null, null, null, null);
    }

    private static BusinessRules priceChange(String percent, ProductId... products) {
        return new BusinessRules(false, null, new BigDecimal(percent), Set.of(products), null);
    }

    private static final Duration RESTOCK_DELAY = Duration.ofMinutes(30);

    private static BusinessRules autoRestock(int below, int quantity) {
        return new BusinessRules(
                false, null, null, null, new BusinessRules.AutoRestock(below, quantity, RESTOCK_DELAY));
    }

    @Test
    void reserveStock_withPartialFulfilment_reservesWhatIsAvailable() {
        withRules(partialFulfilment())
                .given(registered, new StockReservedEvent(pen, otherOrder, 8, PRICE))
                .when(new ReserveStockCommand(pen, order, 5, true))
                .expectEvents(new StockReservedEvent(pen, order, 2, PRICE, 5))
                .expectState(
                        product -> assertThat(product).extracting("available").isEqualTo(0));
    }

    @Test
    void reserveStock_withPartialFulfilmentAndNothingAvailable_isRejected() {
        withRules(partialFulfilment())
                .given(registered, new StockReservedEvent(pen, otherOrder, 10, PRICE))
                .when(new ReserveStockCommand(pen, order, 5, true))
                .expectEvents(new StockReservationRejectedEvent(pen, order, 5, 0));
    }

    @Test
    void reserveStock_withPartialFulfilmentAndEnoughStock_reservesEveryUnit() {
        withRules(partialFulfilment())
                .given(registered)
                .when(new ReserveStockCommand(pen, order, 4, true))
                .expectEvents(new StockReservedEvent(pen, order, 4, PRICE, 4));
    }

    @Test
    void reserveStock_partialNotAccepted_isRejectedWhenShort() {
        withRules(partialFulfilment())
                .given(registered, new StockReservedEvent(pen, otherOrder, 8, PRICE))
                .when(new ReserveStockCommand(pen, order, 5))
                .expectEvents(new StockReservationRejectedEvent(pen, order, 5, 2));
    }

    @Test
    void reserveStock_withPriceChange_isReservedAtTheChangedPriceRoundedHalfEven() {
        // 2.50 less 15 percent is 2.125: half-even rounds it to 2.12
        withRules(priceChange("-15"))
                .given(registered)
                .when(new ReserveStockCommand(pen, order, 1))
                .expectEvents(new StockReservedEvent(pen, order, 1, new BigDecimal("2.12")));
    }

    @Test
    void reserveStock_withPriceChangeOfTheProduct_isReservedAtTheChangedPrice() {
        withRules(priceChange("10", pen))
                .given(registered)
                .when(new ReserveStockCommand(pen, order, 1))
                .expectEvents(new StockReservedEvent(pen, order, 1, new BigDecimal("2.75")));
    }

    @Test
    void reserveStock_withPriceChangeOfOtherProducts_isReservedAtTheListPrice() {
        withRules(priceChange("10", ProductId.random()))
                .given(registered)
                .when(new ReserveStockCommand(pen, order, 1))
                .expectEvents(new StockReservedEvent(pen, order, 1, PRICE));
    }

    @Test
    void reserveStock_belowTheAutoRestockThreshold_asksARestock() {
        withRules(autoRestock(3, 20))
                .given(registered)
                .when(new ReserveStockCommand(pen, order, 8))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.<Object>exactSequenceOf(
                        Matchers.<Object>equalTo(new StockReservedEvent(pen, order, 8, PRICE)),
                        Matchers.<Object>matches(event -> event instanceof AutoRestockScheduledEvent scheduled
                                && scheduled.productId().equals(pen)
                                && scheduled.quantity() == 20
                                && scheduled.delay().equals(RESTOCK_DELAY)),
                        Matchers.andNoMore())))
                .expectScheduledDeadlineWithName(RESTOCK_DELAY, Product.AUTO_RESTOCK_DUE);
    }

    @Test
    void reserveStock_stillAboveTheAutoRestockThreshold_asksNoRestock() {
        withRules(autoRestock(3, 20))
                .given(registered)
                .when(new ReserveStockCommand(pen, order, 7))
                .expectEvents(new StockReservedEvent(pen, order, 7, PRICE))
                .expectNoScheduledDeadlines();
    }

    @Test
    void reserveStock_belowTheThresholdWithoutAutoRestock_asksNoRestock() {
        fixture.given(registered)
                .when(new ReserveStockCommand(pen, order, 10))
                .expectEvents(new StockReservedEvent(pen, order, 10, PRICE))
                .expectNoScheduledDeadlines();
    }

    @Test
    void reserveStock_whileARestockIsPending_asksNoOther() {
        withRules(autoRestock(3, 20))
                .given(registered, new AutoRestockScheduledEvent(pen, operation, 20, RESTOCK_DELAY))
                .when(new ReserveStockCommand(pen, order, 9))
                .expectEvents(new StockReservedEvent(pen, order, 9, PRICE))
                .expectNoScheduledDeadlines();
    }

    @Test
    void autoRestockDue_pending_restocksOnceUnderItsOperation() {
        withRules(autoRestock(3, 20))
                .given(registered)
                .andGivenCommands(new ReserveStockCommand(pen, order, 8))
                .whenTimeElapses(RESTOCK_DELAY)
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.<Object>exactSequenceOf(
                        Matchers.<Object>matches(event -> event instanceof ProductRestockedEvent restocked
                                && restocked.quantity() == 20
                                && restocked.operationId() != null),
                        Matchers.andNoMore())))
                .expectState(product -> {
                    assertThat(product).extracting("available").isEqualTo(22);
                    assertThat(product).extracting("pendingRestock").isNull();
                });
    }

    @Test
    void reserveStock_afterTheAutoRestockArrived_asksAnother() {
        withRules(autoRestock(3, 20))
                .given(
                        registered,
                        new StockReservedEvent(pen, otherOrder, 8, PRICE),
                        new AutoRestockScheduledEvent(pen, operation, 20, RESTOCK_DELAY),
                        new ProductRestockedEvent(pen, 20, operation))
                .when(new ReserveStockCommand(pen, order, 20))
                .expectScheduledDeadlineWithName(RESTOCK_DELAY, Product.AUTO_RESTOCK_DUE)
                .expectState(product ->
                        assertThat(product).extracting("pendingRestock").isNotNull());
    }

    @Test
    void registerProduct_valid_isRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProductCommand(pen, " Pen ", PRICE, 10))
                .expectEvents(registered);
    }

    @Test
    void registerProduct_noStock_isRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProductCommand(pen, "Pen", PRICE, 0))
                .expectEvents(new ProductRegisteredEvent(pen, "Pen", PRICE, 0));
    }

    @Test
    void registerProduct_withCategory_isRegisteredInIt() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProductCommand(pen, "Pen", PRICE, 10, " Stationery "))
                .expectEvents(new ProductRegisteredEvent(pen, "Pen", PRICE, 10, "Stationery"))
                .expectState(
                        product -> assertThat(product).extracting("category").isEqualTo("Stationery"));
    }

    @Test
    void registerProduct_withoutOrWithBlankCategory_isUncategorised() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProductCommand(pen, "Pen", PRICE, 10, null))
                .expectEvents(new ProductRegisteredEvent(pen, "Pen", PRICE, 10, "Uncategorised"));
        withRules(BusinessRules.NONE)
                .givenNoPriorActivity()
                .when(new RegisterProductCommand(pen, "Pen", PRICE, 10, "  "))
                .expectEvents(new ProductRegisteredEvent(pen, "Pen", PRICE, 10, "Uncategorised"));
    }

    @Test
    void registerProduct_categoryBeyondSixtyCharacters_isRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProductCommand(pen, "Pen", PRICE, 10, "x".repeat(61)))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void registerProduct_nameOrCategoryWithControlCharacters_isRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProductCommand(pen, "Pen\u0000", PRICE, 10))
                .expectNoEvents()
                .expectException(refused(INVALID));
        fixture.givenNoPriorActivity()
                .when(new RegisterProductCommand(pen, "Pen", PRICE, 10, "Office\nsupplies"))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void registerProduct_blankName_isRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProductCommand(pen, "  ", PRICE, 10))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void registerProduct_zeroPrice_isRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProductCommand(pen, "Pen", BigDecimal.ZERO, 10))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void registerProduct_priceWithThreeDecimals_isRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProductCommand(pen, "Pen", new BigDecimal("2.505"), 10))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void registerProduct_negativeStock_isRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProductCommand(pen, "Pen", PRICE, -1))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void restockProduct_positiveQuantity_isRestocked() {
        fixture.given(registered)
                .when(new RestockProductCommand(pen, 5, operation))
                .expectEvents(new ProductRestockedEvent(pen, 5, operation))
                .expectState(
                        product -> assertThat(product).extracting("available").isEqualTo(15));
    }

    @Test
    void restockProduct_sameOperationTwice_appliedOnce() {
        fixture.given(registered, new ProductRestockedEvent(pen, 5, operation))
                .when(new RestockProductCommand(pen, 5, operation))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectState(
                        product -> assertThat(product).extracting("available").isEqualTo(15));
    }

    @Test
    void restockProduct_sameOperationAnotherQuantity_isRefused() {
        fixture.given(registered, new ProductRestockedEvent(pen, 5, operation))
                .when(new RestockProductCommand(pen, 6, operation))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
    }

    @Test
    void restockProduct_operationOfARevision1Restock_isNew() {
        fixture.given(registered, new ProductRestockedEvent(pen, 5, null))
                .when(new RestockProductCommand(pen, 5, operation))
                .expectEvents(new ProductRestockedEvent(pen, 5, operation));
    }

    @Test
    void restockProduct_operationForgottenPastTheLimit_isAppliedAgain() {
        List<Object> history = new ArrayList<>(List.of(registered, new ProductRestockedEvent(pen, 1, operation)));
        for (int i = 0; i < RecentOperations.LIMIT; i++) {
            history.add(new ProductRestockedEvent(pen, 1, OperationId.random()));
        }
        fixture.given(history)
                .when(new RestockProductCommand(pen, 1, operation))
                .expectEvents(new ProductRestockedEvent(pen, 1, operation));
    }

    @Test
    void restockProduct_zeroQuantity_isRefused() {
        fixture.given(registered)
                .when(new RestockProductCommand(pen, 0, operation))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void restockProduct_beyondCountableStock_isRefused() {
        fixture.given(registered)
                .when(new RestockProductCommand(pen, Integer.MAX_VALUE, operation))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void restockProduct_unknownProduct_isNotFound() {
        fixture.givenNoPriorActivity()
                .when(new RestockProductCommand(pen, 5, operation))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void writeOff_withinAvailable_takesTheUnitsOutWithItsReason() {
        fixture.given(registered)
                .when(new WriteOffStockCommand(pen, 4, "  water damage ", operation))
                .expectEvents(new StockWrittenOffEvent(pen, 4, "water damage", operation))
                .expectState(
                        product -> assertThat(product).extracting("available").isEqualTo(6));
    }

    @Test
    void writeOff_everythingAvailable_leavesNone() {
        fixture.given(registered)
                .when(new WriteOffStockCommand(pen, 10, "recalled", operation))
                .expectEvents(new StockWrittenOffEvent(pen, 10, "recalled", operation));
    }

    @Test
    void writeOff_moreThanAvailable_isRefused() {
        fixture.given(registered)
                .when(new WriteOffStockCommand(pen, 11, "lost", operation))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
    }

    @Test
    void writeOff_reservedStock_isRefused() {
        fixture.given(registered, new StockReservedEvent(pen, order, 8, PRICE))
                .when(new WriteOffStockCommand(pen, 3, "lost", operation))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
    }

    @Test
    void writeOff_sameOperationTwice_appliedOnce() {
        fixture.given(registered, new StockWrittenOffEvent(pen, 4, "lost", operation))
                .when(new WriteOffStockCommand(pen, 4, "lost", operation))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectState(
                        product -> assertThat(product).extracting("available").isEqualTo(6));
    }

    @Test
    void writeOff_operationOfARestock_isRefused() {
        fixture.given(registered, new ProductRestockedEvent(pen, 4, operation))
                .when(new WriteOffStockCommand(pen, 4, "mistaken restock", operation))
                .expectNoEvents()
                .expectException(refused(UNPROCESSABLE));
    }

    @Test
    void writeOff_zeroQuantity_isRefused() {
        fixture.given(registered)
                .when(new WriteOffStockCommand(pen, 0, "lost", operation))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void writeOff_blankOrControlCharacterOrOverlongReason_isRefused() {
        for (String reason : new String[] {null, " ", "lost\nfound", "x".repeat(501)}) {
            withRules(BusinessRules.NONE)
                    .given(registered)
                    .when(new WriteOffStockCommand(pen, 1, reason, operation))
                    .expectNoEvents()
                    .expectException(refused(INVALID));
        }
    }

    @Test
    void writeOff_unknownProduct_isNotFound() {
        fixture.givenNoPriorActivity()
                .when(new WriteOffStockCommand(pen, 1, "lost", operation))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void reserveStock_afterAWriteOff_seesOnlyWhatIsLeft() {
        fixture.given(registered, new StockWrittenOffEvent(pen, 8, "lost", operation))
                .when(new ReserveStockCommand(pen, order, 3, false))
                .expectEvents(new StockReservationRejectedEvent(pen, order, 3, 2));
    }

    @Test
    void reserveStock_withinAvailable_isReservedAtCurrentPrice() {
        fixture.given(registered)
                .when(new ReserveStockCommand(pen, order, 10))
                .expectEvents(new StockReservedEvent(pen, order, 10, PRICE))
                .expectState(
                        product -> assertThat(product).extracting("available").isEqualTo(0));
    }

    @Test
    void reserveStock_beyondAvailable_isRejected() {
        fixture.given(registered, new StockReservedEvent(pen, otherOrder, 7, PRICE))
                .when(new ReserveStockCommand(pen, order, 4))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StockReservationRejectedEvent(pen, order, 4, 3));
    }

    @Test
    void reserveStock_twiceForOneOrder_reservesOnce() {
        fixture.given(registered, new StockReservedEvent(pen, order, 2, PRICE))
                .when(new ReserveStockCommand(pen, order, 2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reserveStock_askedAgainAfterRejectionAndRestock_staysRejected() {
        fixture.given(
                        registered,
                        new StockReservationRejectedEvent(pen, order, 40, 10),
                        new ProductRestockedEvent(pen, 50, null))
                .when(new ReserveStockCommand(pen, order, 40))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reserveStock_afterReservationConfirmed_refused() {
        fixture.given(
                        registered,
                        new StockReservedEvent(pen, order, 2, PRICE),
                        new ReservationConfirmedEvent(pen, order, 2))
                .when(new ReserveStockCommand(pen, order, 2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectState(
                        product -> assertThat(product).extracting("available").isEqualTo(8));
    }

    @Test
    void reserveStock_afterReleased_refused() {
        fixture.given(registered, new StockReservedEvent(pen, order, 2, PRICE), new StockReleasedEvent(pen, order, 2))
                .when(new ReserveStockCommand(pen, order, 2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectState(
                        product -> assertThat(product).extracting("available").isEqualTo(10));
    }

    @Test
    void reserveStock_afterRejected_refused() {
        fixture.given(registered, new StockReservationRejectedEvent(pen, order, 40, 10))
                .when(new ReserveStockCommand(pen, order, 4))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reserveStock_forTheOldestOfMoreSettledOrdersThanRemembered_isAnsweredAfresh() {
        List<Object> history = new ArrayList<>(List.of(registered));
        List<OrderId> settled = new ArrayList<>();
        for (int n = 0; n <= Product.SETTLED_ORDERS_REMEMBERED; n++) {
            OrderId settledOrder = OrderId.random();
            settled.add(settledOrder);
            history.add(new StockReservationRejectedEvent(pen, settledOrder, 40, 10));
        }
        fixture.given(history)
                .when(new ReserveStockCommand(pen, settled.get(0), 1))
                .expectEvents(new StockReservedEvent(pen, settled.get(0), 1, PRICE))
                .expectState(product -> assertThat(product)
                        .extracting("settledOrders")
                        .asInstanceOf(InstanceOfAssertFactories.collection(OrderId.class))
                        .hasSize(Product.SETTLED_ORDERS_REMEMBERED)
                        .doesNotContain(settled.get(0))
                        .contains(settled.get(1), settled.get(settled.size() - 1)));
        withRules(BusinessRules.NONE)
                .given(history)
                .when(new ReserveStockCommand(pen, settled.get(1), 1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reservationsSettled_confirmedOrReleased_areHeldNoMoreButRemembered() {
        fixture.given(
                        registered,
                        new StockReservedEvent(pen, order, 2, PRICE),
                        new StockReservedEvent(pen, otherOrder, 3, PRICE),
                        new ReservationConfirmedEvent(pen, order, 2))
                .when(new ReleaseStockCommand(pen, otherOrder))
                .expectEvents(new StockReleasedEvent(pen, otherOrder, 3))
                .expectState(product -> assertThat(product)
                        .extracting("reservations", "settledOrders")
                        .containsExactly(List.of(), new LinkedHashSet<>(List.of(order, otherOrder))));
    }

    @Test
    void reserveStock_zeroQuantity_isRefused() {
        fixture.given(registered)
                .when(new ReserveStockCommand(pen, order, 0))
                .expectNoEvents()
                .expectException(refused(INVALID));
    }

    @Test
    void reserveStock_afterAnotherOrdersRelease_usesTheReleasedStock() {
        fixture.given(
                        registered,
                        new StockReservedEvent(pen, otherOrder, 10, PRICE),
                        new StockReleasedEvent(pen, otherOrder, 10))
                .when(new ReserveStockCommand(pen, order, 10))
                .expectEvents(new StockReservedEvent(pen, order, 10, PRICE));
    }

    @Test
    void confirmReservation_held_isSold() {
        fixture.given(registered, new StockReservedEvent(pen, order, 3, PRICE))
                .when(new ConfirmReservationCommand(pen, order))
                .expectEvents(new ReservationConfirmedEvent(pen, order, 3))
                .expectState(product ->
                        assertThat(product).extracting("available", "sold").containsExactly(7, 3));
    }

    @Test
    void confirmReservation_notHeld_changesNothing() {
        fixture.given(registered)
                .when(new ConfirmReservationCommand(pen, order))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void confirmReservation_twice_sellsOnce() {
        fixture.given(
                        registered,
                        new StockReservedEvent(pen, order, 3, PRICE),
                        new ReservationConfirmedEvent(pen, order, 3))
                .when(new ConfirmReservationCommand(pen, order))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void releaseStock_held_isAvailableAgain() {
        fixture.given(registered, new StockReservedEvent(pen, order, 3, PRICE))
                .when(new ReleaseStockCommand(pen, order))
                .expectEvents(new StockReleasedEvent(pen, order, 3))
                .expectState(
                        product -> assertThat(product).extracting("available").isEqualTo(10));
    }

    @Test
    void releaseStock_notHeld_changesNothing() {
        fixture.given(registered)
                .when(new ReleaseStockCommand(pen, order))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void releaseStock_afterConfirmation_changesNothing() {
        fixture.given(
                        registered,
                        new StockReservedEvent(pen, order, 3, PRICE),
                        new ReservationConfirmedEvent(pen, order, 3))
                .when(new ReleaseStockCommand(pen, order))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void stockReserved_confirmedAndReleased_keepsAllStockAccountedFor() {
        fixture.given(
                        registered,
                        new ProductRestockedEvent(pen, 5, null),
                        new StockReservedEvent(pen, order, 4, PRICE),
                        new StockReservedEvent(pen, otherOrder, 6, PRICE),
                        new ReservationConfirmedEvent(pen, order, 4))
                .when(new ReserveStockCommand(pen, OrderId.random(), 2))
                .expectState(product -> {
                    int available = (int) field(product, "available");
                    int sold = (int) field(product, "sold");
                    @SuppressWarnings("unchecked")
                    List<Product.Reservation> reservations = (List<Product.Reservation>) field(product, "reservations");
                    int reserved = reservations.stream()
                            .mapToInt(Product.Reservation::quantity)
                            .sum();
                    assertThat(available).isEqualTo(3);
                    assertThat(available + reserved + sold).isEqualTo(15);
                });
    }

    private static Object field(Product product, String name) {
        return ReflectionTestUtils.getField(product, name);
    }
}
