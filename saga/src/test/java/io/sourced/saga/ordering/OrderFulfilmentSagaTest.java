package io.sourced.saga.ordering;

import static io.sourced.api.ordering.RejectionReason.OUT_OF_STOCK;
import static io.sourced.api.ordering.RejectionReason.PAYMENT_DECLINED;
import static io.sourced.api.ordering.RejectionReason.TIMEOUT;

import io.sourced.api.finance.AuthorizePaymentCommand;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.finance.PaymentDeclinedEvent;
import io.sourced.api.finance.RefundPaymentCommand;
import io.sourced.api.inventory.ConfirmReservationCommand;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ReleaseStockCommand;
import io.sourced.api.inventory.ReserveStockCommand;
import io.sourced.api.inventory.StockReservationRejectedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.AcceptOrderCommand;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderRejectedEvent;
import io.sourced.api.ordering.PricedLine;
import io.sourced.api.ordering.RejectOrderCommand;
import io.sourced.api.ordering.RejectionReason;
import io.sourced.api.rules.BusinessRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderFulfilmentSagaTest {

    private static final Duration ORDER_TIMEOUT = Duration.ofSeconds(30);
    private static final String DEADLINE = "order-timeout";

    private final OrderId orderId = OrderId.random();
    private final CustomerId customerId = CustomerId.random();
    private final ProductId book = ProductId.random();
    private final ProductId pen = ProductId.random();
    private final ProductId lamp = ProductId.random();

    private final OrderPlacedEvent oneLineOrder = placed(new OrderLine(book, 2));
    private final OrderPlacedEvent twoLineOrder = placed(new OrderLine(book, 2), new OrderLine(pen, 1));
    private final OrderPlacedEvent threeLineOrder =
            placed(new OrderLine(book, 2), new OrderLine(pen, 1), new OrderLine(lamp, 3));

    // book 2 x 10.00 + pen 1 x 5.50
    private final BigDecimal twoLineTotal = new BigDecimal("25.50");
    private final List<PricedLine> twoLinesSold =
            List.of(new PricedLine(book, 2, new BigDecimal("10.00")), new PricedLine(pen, 1, new BigDecimal("5.50")));

    private SagaTestFixture<OrderFulfilmentSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = withRules(BusinessRules.NONE);
    }

    private static SagaTestFixture<OrderFulfilmentSaga> withRules(BusinessRules rules) {
        SagaTestFixture<OrderFulfilmentSaga> fixture = new SagaTestFixture<>(OrderFulfilmentSaga.class);
        fixture.registerResource(new OrderWorkflowSettings(ORDER_TIMEOUT));
        fixture.registerResource(rules);
        return fixture;
    }

    private static final BusinessRules PARTIAL = new BusinessRules(true, null, null, null, null);

    // ---- Partial fulfilment
    @Test
    void orderPlaced_withPartialFulfilment_asksPartialReservations() {
        withRules(PARTIAL)
                .givenNoPriorActivity()
                .whenPublishingA(twoLineOrder)
                .expectDispatchedCommands(
                        new ReserveStockCommand(book, orderId, 2, true),
                        new ReserveStockCommand(pen, orderId, 1, true));
    }

    @Test
    void stockReserved_shortWithPartialFulfilment_paysForTheUnitsReserved() {
        withRules(PARTIAL)
                .givenAPublished(twoLineOrder)
                .andThenAPublished(new StockReservedEvent(book, orderId, 1, new BigDecimal("10.00"), 2))
                .whenPublishingA(penReserved())
                .expectDispatchedCommands(new AuthorizePaymentCommand(customerId, orderId, new BigDecimal("15.50")));
    }

    @Test
    void stockReservationRejected_withPartialFulfilment_dropsTheLineAndPaysForTheRest() {
        withRules(PARTIAL)
                .givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .whenPublishingA(rejected(pen))
                .expectDispatchedCommands(new AuthorizePaymentCommand(customerId, orderId, new BigDecimal("20.00")));
    }

    @Test
    void stockReservationRejected_withPartialFulfilmentWhileALineAwaits_waits() {
        withRules(PARTIAL)
                .givenAPublished(twoLineOrder)
                .whenPublishingA(rejected(pen))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void stockReservationRejected_withPartialFulfilmentForEveryLine_rejectsOutOfStock() {
        withRules(PARTIAL)
                .givenAPublished(twoLineOrder)
                .andThenAPublished(rejected(book))
                .whenPublishingA(rejected(pen))
                .expectDispatchedCommands(new RejectOrderCommand(orderId, OUT_OF_STOCK));
    }

    @Test
    void paymentAuthorized_afterPartialReservations_acceptsWithTheShortfall() {
        BigDecimal total = new BigDecimal("10.00");
        withRules(PARTIAL)
                .givenAPublished(threeLineOrder)
                .andThenAPublished(new StockReservedEvent(book, orderId, 1, new BigDecimal("10.00"), 2))
                .andThenAPublished(rejected(pen))
                .andThenAPublished(new StockReservationRejectedEvent(lamp, orderId, 3, 0))
                .whenPublishingA(paymentAuthorized(total))
                .expectDispatchedCommands(new AcceptOrderCommand(
                        orderId,
                        total,
                        List.of(new OrderLine(book, 1), new OrderLine(pen, 1), new OrderLine(lamp, 3)),
                        List.of(new PricedLine(book, 1, new BigDecimal("10.00")))));
    }

    @Test
    void orderAccepted_afterPartialReservations_confirmsOnlyTheReservedLines() {
        BigDecimal total = new BigDecimal("20.00");
        withRules(PARTIAL)
                .givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(rejected(pen))
                .andThenAPublished(paymentAuthorized(total))
                .whenPublishingA(new OrderAcceptedEvent(orderId, customerId, total, List.of(new OrderLine(pen, 1))))
                .expectDispatchedCommands(new ConfirmReservationCommand(book, orderId))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void paymentDeclined_afterPartialReservations_rejectsAndReleasesWhatWasReserved() {
        withRules(PARTIAL)
                .givenAPublished(twoLineOrder)
                .andThenAPublished(new StockReservedEvent(book, orderId, 1, new BigDecimal("10.00"), 2))
                .andThenAPublished(rejected(pen))
                .andThenAPublished(new PaymentDeclinedEvent(customerId, orderId, BigDecimal.TEN, BigDecimal.ONE))
                .whenPublishingA(orderRejected(PAYMENT_DECLINED))
                .expectDispatchedCommands(new ReleaseStockCommand(book, orderId))
                .expectActiveSagas(0);
    }

    @Test
    void timeout_afterAPartialReservation_rejectsAndTheRejectionReleasesIt() throws Exception {
        withRules(PARTIAL)
                .givenAPublished(twoLineOrder)
                .andThenAPublished(new StockReservedEvent(book, orderId, 1, new BigDecimal("10.00"), 2))
                .andThenTimeElapses(ORDER_TIMEOUT)
                .whenPublishingA(orderRejected(TIMEOUT))
                .expectDispatchedCommands(new ReleaseStockCommand(book, orderId))
                .expectActiveSagas(1);
    }

    @Test
    void stockReservationRejected_withoutPartialFulfilment_rejectsOutOfStock() {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .whenPublishingA(rejected(pen))
                .expectDispatchedCommands(new RejectOrderCommand(orderId, OUT_OF_STOCK));
    }

    // ---- Success
    @Test
    void orderPlaced_reservesEveryLineAtOnceAndSchedulesTimeout() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(threeLineOrder)
                .expectActiveSagas(1)
                .expectAssociationWith("orderId", orderId)
                .expectDispatchedCommands(
                        new ReserveStockCommand(book, orderId, 2),
                        new ReserveStockCommand(pen, orderId, 1),
                        new ReserveStockCommand(lamp, orderId, 3))
                .expectScheduledDeadlineWithName(ORDER_TIMEOUT, DEADLINE);
    }

    @Test
    void stockReserved_forTheOnlyLine_authorizesPaymentOfTheTotal() {
        fixture.givenAPublished(oneLineOrder)
                .whenPublishingA(bookReserved())
                .expectDispatchedCommands(new AuthorizePaymentCommand(customerId, orderId, new BigDecimal("20.00")));
    }

    @Test
    void stockReserved_whileAnotherLineAwaits_waits() {
        fixture.givenAPublished(twoLineOrder)
                .whenPublishingA(bookReserved())
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void stockReserved_forTheLastOfSeveralLines_authorizesPaymentOfTheTotal() {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(penReserved())
                .whenPublishingA(bookReserved())
                .expectDispatchedCommands(new AuthorizePaymentCommand(customerId, orderId, twoLineTotal));
    }

    @Test
    void paymentAuthorized_asksTheOrderToAccept() {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(penReserved())
                .whenPublishingA(paymentAuthorized(twoLineTotal))
                .expectDispatchedCommands(new AcceptOrderCommand(orderId, twoLineTotal, List.of(), twoLinesSold))
                .expectScheduledDeadlineWithName(ORDER_TIMEOUT, DEADLINE)
                .expectActiveSagas(1);
    }

    @Test
    void orderAccepted_withOneLine_confirmsItCancelsTimeoutAndEnds() {
        BigDecimal total = new BigDecimal("20.00");
        fixture.givenAPublished(oneLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(paymentAuthorized(total))
                .whenPublishingA(new OrderAcceptedEvent(orderId, customerId, total))
                .expectDispatchedCommands(new ConfirmReservationCommand(book, orderId))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void orderAccepted_withSeveralLines_confirmsEveryLineCancelsTimeoutAndEnds() {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(penReserved())
                .andThenAPublished(bookReserved())
                .andThenAPublished(paymentAuthorized(twoLineTotal))
                .whenPublishingA(new OrderAcceptedEvent(orderId, customerId, twoLineTotal))
                .expectDispatchedCommands(
                        new ConfirmReservationCommand(book, orderId), new ConfirmReservationCommand(pen, orderId))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void timeElapses_afterOrderAccepted_asksNothing() {
        fixture.givenAPublished(oneLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(paymentAuthorized(new BigDecimal("20.00")))
                .andThenAPublished(new OrderAcceptedEvent(orderId, customerId, new BigDecimal("20.00")))
                .whenTimeElapses(ORDER_TIMEOUT.plusSeconds(1))
                .expectNoDispatchedCommands()
                .expectTriggeredDeadlines();
    }

    // ---- OutOfStock
    @Test
    void stockReservationRejected_onTheFirstLine_asksToRejectOutOfStock() {
        fixture.givenAPublished(twoLineOrder)
                .whenPublishingA(rejected(book))
                .expectDispatchedCommands(new RejectOrderCommand(orderId, OUT_OF_STOCK))
                .expectActiveSagas(1);
    }

    @Test
    void stockReservationRejected_onALaterLine_asksToRejectOutOfStockWithoutPayment() {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .whenPublishingA(rejected(pen))
                .expectDispatchedCommands(new RejectOrderCommand(orderId, OUT_OF_STOCK));
    }

    @Test
    void stockReservationRejected_onASecondLine_asksToRejectOnlyOnce() {
        fixture.givenAPublished(threeLineOrder)
                .andThenAPublished(rejected(book))
                .whenPublishingA(rejected(pen))
                .expectNoDispatchedCommands();
    }

    @Test
    void orderRejected_afterALaterLineWasOutOfStock_releasesTheReservedLineAndEnds() {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(rejected(pen))
                .whenPublishingA(orderRejected(OUT_OF_STOCK))
                .expectDispatchedCommands(new ReleaseStockCommand(book, orderId))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void orderRejected_whileALineAwaitsItsAnswer_releasesTheReservedLineAndStays() {
        fixture.givenAPublished(threeLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(rejected(pen))
                .whenPublishingA(orderRejected(OUT_OF_STOCK))
                .expectDispatchedCommands(new ReleaseStockCommand(book, orderId))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(1);
    }

    @Test
    void stockReserved_afterOrderRejectedOutOfStock_isReleasedAndEnds() {
        fixture.givenAPublished(threeLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(rejected(pen))
                .andThenAPublished(orderRejected(OUT_OF_STOCK))
                .whenPublishingA(new StockReservedEvent(lamp, orderId, 3, new BigDecimal("40.00")))
                .expectDispatchedCommands(new ReleaseStockCommand(lamp, orderId))
                .expectActiveSagas(0);
    }

    @Test
    void stockReserved_whileRejectionIsAsked_asksNoPayment() {
        fixture.givenAPublished(threeLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(rejected(pen))
                .whenPublishingA(new StockReservedEvent(lamp, orderId, 3, new BigDecimal("40.00")))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    // ---- PaymentDeclined
    @Test
    void paymentDeclined_asksToRejectPaymentDeclined() {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(penReserved())
                .whenPublishingA(new PaymentDeclinedEvent(customerId, orderId, twoLineTotal, BigDecimal.ONE))
                .expectDispatchedCommands(new RejectOrderCommand(orderId, PAYMENT_DECLINED))
                .expectActiveSagas(1);
    }

    @Test
    void orderRejected_afterPaymentDeclined_releasesEveryLineRefundsNothingAndEnds() {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(penReserved())
                .andThenAPublished(new PaymentDeclinedEvent(customerId, orderId, twoLineTotal, BigDecimal.ONE))
                .whenPublishingA(orderRejected(PAYMENT_DECLINED))
                .expectDispatchedCommands(new ReleaseStockCommand(book, orderId), new ReleaseStockCommand(pen, orderId))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    // ---- Timeout
    @Test
    void timeElapses_withNothingReserved_asksToRejectTimeout() {
        fixture.givenAPublished(twoLineOrder)
                .whenTimeElapses(ORDER_TIMEOUT)
                .expectTriggeredDeadlinesWithName(DEADLINE)
                .expectDispatchedCommands(new RejectOrderCommand(orderId, TIMEOUT))
                .expectActiveSagas(1);
    }

    @Test
    void timeElapses_beforeTheTimeout_asksNothing() {
        fixture.givenAPublished(twoLineOrder)
                .whenTimeElapses(ORDER_TIMEOUT.minusSeconds(1))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(1), DEADLINE);
    }

    @Test
    void orderRejected_afterTimeoutWithNothingReserved_releasesNothingAndStaysForTheAnswers() throws Exception {
        fixture.givenAPublished(twoLineOrder)
                .andThenTimeElapses(ORDER_TIMEOUT)
                .whenPublishingA(orderRejected(TIMEOUT))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void stockReservationRejected_afterTimeoutRejection_asksNothingAndEndsWhenLastAnswerIsIn() throws Exception {
        fixture.givenAPublished(twoLineOrder)
                .andThenTimeElapses(ORDER_TIMEOUT)
                .andThenAPublished(orderRejected(TIMEOUT))
                .andThenAPublished(rejected(book))
                .whenPublishingA(rejected(pen))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void stockReserved_afterTimeoutRejection_isReleased() throws Exception {
        fixture.givenAPublished(twoLineOrder)
                .andThenTimeElapses(ORDER_TIMEOUT)
                .andThenAPublished(orderRejected(TIMEOUT))
                .andThenAPublished(rejected(pen))
                .whenPublishingA(bookReserved())
                .expectDispatchedCommands(new ReleaseStockCommand(book, orderId))
                .expectActiveSagas(0);
    }

    @Test
    void timeElapses_withSomeLinesReserved_asksToRejectTimeout() {
        fixture.givenAPublished(threeLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(penReserved())
                .whenTimeElapses(ORDER_TIMEOUT)
                .expectDispatchedCommands(new RejectOrderCommand(orderId, TIMEOUT));
    }

    @Test
    void orderRejected_afterTimeoutWithSomeLinesReserved_releasesThemAndStaysForTheLastLine() throws Exception {
        fixture.givenAPublished(threeLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(penReserved())
                .andThenTimeElapses(ORDER_TIMEOUT)
                .whenPublishingA(orderRejected(TIMEOUT))
                .expectDispatchedCommands(new ReleaseStockCommand(book, orderId), new ReleaseStockCommand(pen, orderId))
                .expectActiveSagas(1);
    }

    @Test
    void timeElapses_whilePaymentIsAsked_asksToRejectTimeout() {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(penReserved())
                .whenTimeElapses(ORDER_TIMEOUT)
                .expectDispatchedCommands(new RejectOrderCommand(orderId, TIMEOUT));
    }

    @Test
    void timeElapses_afterPaymentAuthorized_asksToRejectTimeout() {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(penReserved())
                .andThenAPublished(paymentAuthorized(twoLineTotal))
                .whenTimeElapses(ORDER_TIMEOUT)
                .expectDispatchedCommands(new RejectOrderCommand(orderId, TIMEOUT));
    }

    @Test
    void orderRejected_afterTimeoutAndPayment_releasesEveryLineRefundsAndEnds() throws Exception {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(penReserved())
                .andThenAPublished(paymentAuthorized(twoLineTotal))
                .andThenTimeElapses(ORDER_TIMEOUT)
                .whenPublishingA(orderRejected(TIMEOUT))
                .expectDispatchedCommands(
                        new ReleaseStockCommand(book, orderId),
                        new ReleaseStockCommand(pen, orderId),
                        new RefundPaymentCommand(customerId, orderId))
                .expectActiveSagas(0);
    }

    @Test
    void paymentAuthorized_afterTimeoutRejectionAsked_stillAsksToAcceptForTheOrderToDecide() throws Exception {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(penReserved())
                .andThenTimeElapses(ORDER_TIMEOUT)
                .whenPublishingA(paymentAuthorized(twoLineTotal))
                .expectDispatchedCommands(new AcceptOrderCommand(orderId, twoLineTotal, List.of(), twoLinesSold));
    }

    @Test
    void stockReserved_forTheLastLineAfterTimeoutRejectionAsked_asksNoPayment() throws Exception {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .andThenTimeElapses(ORDER_TIMEOUT)
                .whenPublishingA(penReserved())
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void stockReservationRejected_afterTimeoutRejectionAsked_asksNoSecondRejection() throws Exception {
        fixture.givenAPublished(twoLineOrder)
                .andThenTimeElapses(ORDER_TIMEOUT)
                .whenPublishingA(rejected(book))
                .expectNoDispatchedCommands();
    }

    // ---- A step rolled back after its command went through (its replica died before the batch committed, and the
    // timeout fired meanwhile): the saga meets the answer to a question it has no record of asking
    @Test
    void paymentAuthorized_askedByAStepThatRolledBack_isKeptForTheOrderToDecide() throws Exception {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .andThenTimeElapses(ORDER_TIMEOUT)
                .andThenAPublished(penReserved())
                .whenPublishingA(paymentAuthorized(twoLineTotal))
                .expectDispatchedCommands(new AcceptOrderCommand(orderId, twoLineTotal, List.of(), twoLinesSold))
                .expectActiveSagas(1);
    }

    @Test
    void orderRejected_afterAPaymentAskedByAStepThatRolledBack_releasesEveryLineRefundsAndEnds() throws Exception {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .andThenTimeElapses(ORDER_TIMEOUT)
                .andThenAPublished(penReserved())
                .andThenAPublished(paymentAuthorized(twoLineTotal))
                .whenPublishingA(orderRejected(TIMEOUT))
                .expectDispatchedCommands(
                        new ReleaseStockCommand(book, orderId),
                        new ReleaseStockCommand(pen, orderId),
                        new RefundPaymentCommand(customerId, orderId))
                .expectActiveSagas(0);
    }

    @Test
    void paymentDeclined_askedByAStepThatRolledBack_changesNothingForTheRejectionAsked() throws Exception {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .andThenTimeElapses(ORDER_TIMEOUT)
                .andThenAPublished(penReserved())
                .whenPublishingA(new PaymentDeclinedEvent(customerId, orderId, twoLineTotal, BigDecimal.ONE))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    // ---- Cancellation
    @Test
    void orderCancelled_beforePayment_releasesTheReservedLineAndStaysForTheOther() {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .whenPublishingA(new OrderCancelledEvent(orderId, customerId))
                .expectDispatchedCommands(new ReleaseStockCommand(book, orderId))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(1);
    }

    @Test
    void stockReservationRejected_afterCancellation_asksNothingAndEnds() {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(new OrderCancelledEvent(orderId, customerId))
                .whenPublishingA(rejected(pen))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void orderCancelled_afterPayment_releasesEveryLineRefundsAndEnds() {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(penReserved())
                .andThenAPublished(paymentAuthorized(twoLineTotal))
                .whenPublishingA(new OrderCancelledEvent(orderId, customerId))
                .expectDispatchedCommands(
                        new ReleaseStockCommand(book, orderId),
                        new ReleaseStockCommand(pen, orderId),
                        new RefundPaymentCommand(customerId, orderId))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void orderCancelled_whilePaymentIsAsked_releasesEveryLineAndWaitsForThePayment() {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(penReserved())
                .whenPublishingA(new OrderCancelledEvent(orderId, customerId))
                .expectDispatchedCommands(new ReleaseStockCommand(book, orderId), new ReleaseStockCommand(pen, orderId))
                .expectActiveSagas(1);
    }

    @Test
    void paymentAuthorized_afterCancellation_isRefundedAndEnds() {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(penReserved())
                .andThenAPublished(new OrderCancelledEvent(orderId, customerId))
                .whenPublishingA(paymentAuthorized(twoLineTotal))
                .expectDispatchedCommands(new RefundPaymentCommand(customerId, orderId))
                .expectActiveSagas(0);
    }

    @Test
    void paymentDeclined_afterCancellation_asksNothingAndEnds() {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(penReserved())
                .andThenAPublished(new OrderCancelledEvent(orderId, customerId))
                .whenPublishingA(new PaymentDeclinedEvent(customerId, orderId, twoLineTotal, BigDecimal.ONE))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void timeElapses_afterCancellation_asksNothing() {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(new OrderCancelledEvent(orderId, customerId))
                .whenTimeElapses(ORDER_TIMEOUT.plusSeconds(1))
                .expectNoDispatchedCommands()
                .expectTriggeredDeadlines();
    }

    // ---- Late answers: a product answers each order once (a late request is refused without an event), so an
    // answer for a line already answered is a duplicate delivery of that one answer
    @Test
    void stockReserved_againForALineAlreadyReleased_sendsNothingAndStaysForTheLastLine() {
        fixture.givenAPublished(threeLineOrder)
                .andThenAPublished(bookReserved())
                .andThenAPublished(rejected(pen))
                .andThenAPublished(orderRejected(OUT_OF_STOCK))
                .whenPublishingA(bookReserved())
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void stockReservationRejected_againAfterTheOrderWasRejected_asksNothingAndStaysForTheLastLine() {
        fixture.givenAPublished(twoLineOrder)
                .andThenAPublished(rejected(book))
                .andThenAPublished(orderRejected(OUT_OF_STOCK))
                .whenPublishingA(rejected(book))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void stockReserved_againAfterItsLineWasReserved_asksNoSecondPayment() {
        fixture.givenAPublished(oneLineOrder)
                .andThenAPublished(bookReserved())
                .whenPublishingA(bookReserved())
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    private OrderPlacedEvent placed(OrderLine... lines) {
        return new OrderPlacedEvent(orderId, customerId, java.util.List.of(lines));
    }

    private StockReservedEvent bookReserved() {
        return new StockReservedEvent(book, orderId, 2, new BigDecimal("10.00"));
    }

    private StockReservedEvent penReserved() {
        return new StockReservedEvent(pen, orderId, 1, new BigDecimal("5.50"));
    }

    private StockReservationRejectedEvent rejected(ProductId product) {
        return new StockReservationRejectedEvent(product, orderId, 1, 0);
    }

    private PaymentAuthorizedEvent paymentAuthorized(BigDecimal amount) {
        return new PaymentAuthorizedEvent(customerId, orderId, amount, BigDecimal.TEN);
    }

    private OrderRejectedEvent orderRejected(RejectionReason reason) {
        return new OrderRejectedEvent(orderId, customerId, reason);
    }
}
