package io.sourced.query.views.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourced.api.idempotency.OperationId;
import io.sourced.api.inventory.FindAllProductsQuery;
import io.sourced.api.inventory.FindProductQuery;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.ProductView;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.ReturnedStockReleasedEvent;
import io.sourced.api.inventory.StockReleasedEvent;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.inventory.StockReturnCancelledEvent;
import io.sourced.api.inventory.StockReturnedEvent;
import io.sourced.api.inventory.StockWrittenOffEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.ReturnId;
import io.sourced.query.BatchEquivalence;
import io.sourced.query.Deliver;
import io.sourced.query.ViewDatabase;
import io.sourced.query.WorkflowEvents;
import java.math.BigDecimal;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

class ProductViewProjectorTest {

    private final ProductId apples = ProductId.random();
    private final OrderId orderId = OrderId.random();

    private JdbcTemplate jdbc;
    private ProductViewProjector projector;
    private Deliver deliver;
    private ProductViewQueries queries;

    @BeforeEach
    void setUp() {
        jdbc = ViewDatabase.migrated();
        projector = new ProductViewProjector(jdbc);
        deliver = Deliver.to(projector);
        queries = new ProductViewQueries(jdbc);
        deliver.on(new ProductRegisteredEvent(apples, "Apples", new BigDecimal("1.25"), 10));
    }

    @Test
    void productRegistered_showsItsInitialStockAvailable() {
        assertThat(product())
                .isEqualTo(new ProductView(apples, "Apples", new BigDecimal("1.25"), 10, 0, 0, "Uncategorised"));
    }

    @Test
    void productRegistered_withCategory_showsIt() {
        ProductId lamp = ProductId.random();

        deliver.on(new ProductRegisteredEvent(lamp, "Desk lamp", new BigDecimal("34.50"), 7, "Lighting"));

        assertThat(queries.handle(new FindProductQuery(lamp)))
                .map(ProductView::category)
                .contains("Lighting");
    }

    @Test
    void productRegistered_withoutCategory_isRefusedRatherThanStoredHalf() {
        // a revision 1 event that missed the inventory team's upcaster (ProductRegisteredEventUpcaster)
        ProductRegisteredEvent notUpcast =
                new ProductRegisteredEvent(ProductId.random(), "Desk lamp", new BigDecimal("34.50"), 7, null);

        assertThatThrownBy(() -> deliver.on(notUpcast)).hasCauseInstanceOf(DataIntegrityViolationException.class);
        assertThat(ViewDatabase.count(jdbc, "product_view")).isOne();
    }

    @Test
    void productRegistered_again_isSkipped() {
        deliver.on(new ProductRegisteredEvent(apples, "Other", new BigDecimal("9.99"), 99, "Fruit"));

        assertThat(product())
                .isEqualTo(new ProductView(apples, "Apples", new BigDecimal("1.25"), 10, 0, 0, "Uncategorised"));
    }

    @Test
    void productRestocked_addsToAvailable() {
        deliver.on(new ProductRestockedEvent(apples, 5, null));

        assertThat(stock()).containsExactly(15, 0, 0);
    }

    @Test
    void stockWrittenOff_takesTheUnitsOutOfAvailable() {
        deliver.on(new StockWrittenOffEvent(apples, 3, "crushed", OperationId.random()));

        assertThat(stock()).containsExactly(7, 0, 0);
    }

    @Test
    void stockReserved_movesAvailableToReserved() {
        deliver.on(new StockReservedEvent(apples, orderId, 4, new BigDecimal("1.25")));

        assertThat(stock()).containsExactly(6, 4, 0);
    }

    @Test
    void stockReleased_movesReservedBackToAvailable() {
        deliver.on(new StockReservedEvent(apples, orderId, 4, new BigDecimal("1.25")));

        deliver.on(new StockReleasedEvent(apples, orderId, 4));

        assertThat(stock()).containsExactly(10, 0, 0);
    }

    @Test
    void reservationConfirmed_movesReservedToSold() {
        deliver.on(new StockReservedEvent(apples, orderId, 4, new BigDecimal("1.25")));

        deliver.on(new ReservationConfirmedEvent(apples, orderId, 3));

        assertThat(stock()).containsExactly(6, 1, 3);
    }

    @Test
    void stockEvents_ofAnotherProduct_leaveThisOneAlone() {
        deliver.on(new ProductRestockedEvent(ProductId.random(), 5, null));

        assertThat(stock()).containsExactly(10, 0, 0);
        assertThat(ViewDatabase.count(jdbc, "product_view")).isOne();
    }

    @Test
    void stockReservationRejected_changesNothing() throws Exception {
        AnnotationEventHandlerAdapter axon = new AnnotationEventHandlerAdapter(projector);
        EventMessage<?> rejected =
                GenericEventMessage.asEventMessage(new StockReservationRejectedEvent(apples, orderId, 11, 10));

        axon.handle(rejected);

        assertThat(axon.canHandle(rejected)).isFalse();
        assertThat(stock()).containsExactly(10, 0, 0);
    }

    @Test
    void stockReserved_handledByAxon_reservesAndResetEmptiesTheView() throws Exception {
        AnnotationEventHandlerAdapter axon = new AnnotationEventHandlerAdapter(projector);

        axon.handle(new GenericDomainEventMessage<>(
                "Product", apples.value(), 1, new StockReservedEvent(apples, orderId, 1, BigDecimal.ONE)));

        assertThat(stock()).containsExactly(9, 1, 0);
        axon.prepareReset();
        assertThat(ViewDatabase.count(jdbc, "product_view")).isZero();
    }

    @Test
    void reset_deletesEveryProduct() {
        deliver.on(new ProductRegisteredEvent(ProductId.random(), "Pears", BigDecimal.TEN, 1));

        projector.reset();

        assertThat(queries.handle(new FindAllProductsQuery())).isEmpty();
    }

    private ProductView product() {
        return queries.handle(new FindProductQuery(apples)).orElseThrow();
    }

    private Object[] stock() {
        ProductView product = product();
        return new Object[] {product.available(), product.reserved(), product.sold()};
    }

    @Test
    void eventsInBatches_writeWhatTheyWriteOneByOne() {
        BatchEquivalence.assertBatchesWriteWhatSingleEventsWrite(
                ProductViewProjector::new, WorkflowEvents.messages(), "product_view");
    }

    @Test
    void stockReturned_holdsTheUnitsUntilTheirReturnIsRefunded_orSellsThemAgain() {
        ReturnId refunded = ReturnId.random();
        ReturnId undone = ReturnId.random();
        deliver.on(new StockReservedEvent(apples, orderId, 3, new BigDecimal("1.25")));
        deliver.on(new ReservationConfirmedEvent(apples, orderId, 3));

        deliver.on(new StockReturnedEvent(apples, orderId, refunded, 2));
        deliver.on(new StockReturnedEvent(apples, orderId, undone, 1));
        assertThat(product())
                .extracting(ProductView::available, ProductView::reserved, ProductView::sold)
                .containsExactly(7, 3, 0);

        deliver.on(new ReturnedStockReleasedEvent(apples, orderId, refunded, 2));
        deliver.on(new StockReturnCancelledEvent(apples, orderId, undone, 1));
        assertThat(product())
                .extracting(ProductView::available, ProductView::reserved, ProductView::sold)
                .containsExactly(9, 0, 1);
    }
}
