package io.sourced.command.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ReleaseStockCommand;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.ReserveStockCommand;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.rules.BusinessRules;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** A snapshot is the aggregate serialized by Jackson: its state must come back whole. */
class ProductSnapshotTest {

    private static final BigDecimal PRICE = new BigDecimal("2.50");

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules())
            .build();
    private final ProductId pen = ProductId.random();
    private final OrderId held = OrderId.random();
    private final OrderId alsoHeld = OrderId.random();
    private final OrderId sold = OrderId.random();

    @Test
    void productSnapshot_roundTrip_keepsTheState() {
        Product original = productWithReservations();

        SerializedObject<String> snapshot = serializer.serialize(original, String.class);
        Product restored = serializer.deserialize(snapshot);

        assertThat(snapshot.getData()).contains(held.value(), alsoHeld.value(), "\"available\":12", "\"sold\":3");
        assertThat(restored).usingRecursiveComparison().isEqualTo(original);
        assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(snapshot.getData());
    }

    @Test
    void productSnapshot_restored_stillKnowsItsReservations() {
        Product restored = serializer.deserialize(serializer.serialize(productWithReservations(), String.class));

        OrderId newcomer = OrderId.random();
        fixture()
                .givenState(() -> copyOf(restored))
                .when(new ReserveStockCommand(pen, held, 4))
                .expectNoEvents();
        fixture()
                .givenState(() -> copyOf(restored))
                .when(new ReserveStockCommand(pen, sold, 3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture()
                .givenState(() -> copyOf(restored))
                .when(new ReleaseStockCommand(pen, alsoHeld))
                .expectEvents(new StockReleasedEvent(pen, alsoHeld, 5));
        fixture()
                .givenState(() -> copyOf(restored))
                .when(new ReserveStockCommand(pen, newcomer, 13))
                .expectEvents(new StockReservationRejectedEvent(pen, newcomer, 13, 12));
    }

    @Test
    void productSnapshot_takenBeforeCategories_isUncategorised() {
        String withCategory =
                serializer.serialize(productWithReservations(), String.class).getData();
        String beforeCategories = withCategory.replace("\"category\":\"Uncategorised\",", "");

        Product restored = serializer.deserialize(
                new SimpleSerializedObject<>(beforeCategories, String.class, Product.class.getName(), null));

        assertThat(beforeCategories).doesNotContain("category");
        assertThat(restored).extracting("category", "available").containsExactly("Uncategorised", 12);
    }

    @Test
    void productSnapshot_ofAnEarlierVersion_withEveryAnsweredOrder_keepsRefusingThem() {
        assertRestoredFromAnEarlierVersionRefusesTheOrderIn("answeredOrders");
    }

    @Test
    void productSnapshot_ofThePreviousVersion_withItsRefusedOrders_keepsRefusingThem() {
        assertRestoredFromAnEarlierVersionRefusesTheOrderIn("rejectedOrders");
    }

    /** A snapshot whose settled orders are one order under {@code field}, as an earlier version wrote them. */
    private void assertRestoredFromAnEarlierVersionRefusesTheOrderIn(String field) {
        OrderId answered = OrderId.random();
        String current =
                serializer.serialize(productWithReservations(), String.class).getData();
        String earlier = current.replace(
                "\"settledOrders\":[\"" + sold.value() + "\"]", "\"" + field + "\":[\"" + answered.value() + "\"]");

        Product restored = serializer.deserialize(
                new SimpleSerializedObject<>(earlier, String.class, Product.class.getName(), null));

        assertThat(earlier).contains(field).doesNotContain("settledOrders");
        fixture()
                .givenState(() -> restored)
                .when(new ReserveStockCommand(pen, answered, 1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private Product copyOf(Product product) {
        return serializer.deserialize(serializer.serialize(product, String.class));
    }

    private Product productWithReservations() {
        AtomicReference<Product> captured = new AtomicReference<>();
        fixture()
                .given(
                        new ProductRegisteredEvent(pen, "Pen", PRICE, 24),
                        new StockReservedEvent(pen, held, 4, PRICE),
                        new StockReservedEvent(pen, sold, 3, PRICE),
                        new ReservationConfirmedEvent(pen, sold, 3),
                        new StockReservedEvent(pen, alsoHeld, 5, PRICE))
                .when(new ReserveStockCommand(pen, held, 4))
                .expectNoEvents()
                .expectState(captured::set);
        return captured.get();
    }

    private static AggregateTestFixture<Product> fixture() {
        AggregateTestFixture<Product> fixture = new AggregateTestFixture<>(Product.class);
        fixture.registerInjectableResource(BusinessRules.NONE);
        return fixture;
    }
}
