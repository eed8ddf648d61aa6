package io.sourced.saga.returns;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.RefundReturnCommand;
import io.sourced.api.finance.ReturnRefundDeclinedEvent;
import io.sourced.api.finance.ReturnRefundedEvent;
import io.sourced.api.inventory.CancelStockReturnCommand;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ReleaseReturnedStockCommand;
import io.sourced.api.inventory.ReturnStockCommand;
import io.sourced.api.inventory.ReturnedStockReleasedEvent;
import io.sourced.api.inventory.StockReturnCancelledEvent;
import io.sourced.api.inventory.StockReturnedEvent;
import io.sourced.api.ordering.CompleteReturnCommand;
import io.sourced.api.ordering.FailReturnCommand;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.PricedLine;
import io.sourced.api.ordering.ReturnCompletedEvent;
import io.sourced.api.ordering.ReturnFailedEvent;
import io.sourced.api.ordering.ReturnId;
import io.sourced.api.ordering.ReturnRequestedEvent;
import io.sourced.api.refusal.Refusal;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.matchers.Matchers;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReturnSagaTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    // not a divisor of the timeout: no retry is due at the moment the return deadline fires
    private static final Duration RETRY = Duration.ofSeconds(7);

    private final ReturnId returnId = ReturnId.random();
    private final OrderId orderId = OrderId.random();
    private final CustomerId customerId = CustomerId.random();
    private final ProductId book = ProductId.random();
    private final ProductId pen = ProductId.random();
    private final List<PricedLine> lines =
            List.of(new PricedLine(book, 2, new BigDecimal("10.00")), new PricedLine(pen, 1, new BigDecimal("5.50")));
    private final BigDecimal amount = new BigDecimal("25.50");
    private final ReturnRequestedEvent requested =
            new ReturnRequestedEvent(orderId, returnId, customerId, lines, amount, "damaged");

    private SagaTestFixture<ReturnSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ReturnSaga.class);
        fixture.registerResource(new ReturnWorkflowSettings(TIMEOUT, RETRY));
    }

    /** Every command of the given type fails, as a product refusing the units or a database away would. */
    private void failing(Class<?> commandType) {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (commandType.isInstance(payload)) {
                throw new CommandExecutionException(
                        "refused", null, Refusal.unprocessable("a return of 2 exceeds the 1 units sold"));
            }
            return null;
        });
    }

    private StockReturnedEvent bookBack() {
        return new StockReturnedEvent(book, orderId, returnId, 2);
    }

    private StockReturnedEvent penBack() {
        return new StockReturnedEvent(pen, orderId, returnId, 1);
    }

    private ReturnRefundedEvent refunded() {
        return new ReturnRefundedEvent(customerId, orderId, returnId, amount, new BigDecimal("100.00"));
    }

    private ReturnRefundDeclinedEvent declined() {
        return new ReturnRefundDeclinedEvent(customerId, orderId, returnId, amount, "exceeds the payment");
    }

    @Test
    void returnRequested_asksEveryLineBackIntoStock_andSchedulesTheDeadline() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested)
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new ReturnStockCommand(book, orderId, returnId, 2),
                        new ReturnStockCommand(pen, orderId, returnId, 1))
                .expectScheduledDeadlineWithName(TIMEOUT, ReturnSaga.RETURN_DEADLINE);
    }

    @Test
    void stockReturned_notEveryLine_waits() {
        fixture.givenAPublished(requested)
                .whenPublishingA(bookBack())
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void stockReturned_everyLine_asksTheRefund() {
        fixture.givenAPublished(requested)
                .andThenAPublished(bookBack())
                .whenPublishingA(penBack())
                .expectDispatchedCommands(new RefundReturnCommand(customerId, orderId, returnId, amount));
    }

    @Test
    void stockReturned_twice_asksTheRefundOnce() {
        fixture.givenAPublished(requested)
                .andThenAPublished(bookBack())
                .andThenAPublished(penBack())
                .whenPublishingA(penBack())
                .expectNoDispatchedCommands();
    }

    @Test
    void returnRefunded_releasesTheUnitsAndCompletesTheReturn() {
        fixture.givenAPublished(requested)
                .andThenAPublished(bookBack())
                .andThenAPublished(penBack())
                .whenPublishingA(refunded())
                .expectDispatchedCommands(
                        new ReleaseReturnedStockCommand(book, returnId),
                        new ReleaseReturnedStockCommand(pen, returnId),
                        new CompleteReturnCommand(orderId, returnId))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(1);
    }

    @Test
    void returnCompleted_withEveryUnitReleased_ends() {
        fixture.givenAPublished(requested)
                .andThenAPublished(bookBack())
                .andThenAPublished(penBack())
                .andThenAPublished(refunded())
                .andThenAPublished(new ReturnedStockReleasedEvent(book, orderId, returnId, 2))
                .andThenAPublished(new ReturnedStockReleasedEvent(pen, orderId, returnId, 1))
                .whenPublishingA(
                        new ReturnCompletedEvent(orderId, returnId, customerId, lines, amount, OrderStatus.RETURNED))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void returnCompleted_withUnitsStillHeld_waitsForTheirRelease() {
        fixture.givenAPublished(requested)
                .andThenAPublished(bookBack())
                .andThenAPublished(penBack())
                .andThenAPublished(refunded())
                .andThenAPublished(new ReturnedStockReleasedEvent(book, orderId, returnId, 2))
                .whenPublishingA(
                        new ReturnCompletedEvent(orderId, returnId, customerId, lines, amount, OrderStatus.RETURNED))
                .expectActiveSagas(1);
    }

    @Test
    void returnRefundDeclined_sellsTheUnitsAgainAndFailsTheReturn() {
        fixture.givenAPublished(requested)
                .andThenAPublished(bookBack())
                .andThenAPublished(penBack())
                .whenPublishingA(declined())
                .expectDispatchedCommands(
                        new CancelStockReturnCommand(book, returnId),
                        new CancelStockReturnCommand(pen, returnId),
                        new FailReturnCommand(orderId, returnId, "the refund was declined: exceeds the payment"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void returnFailed_withEveryUnitSoldAgain_ends() {
        fixture.givenAPublished(requested)
                .andThenAPublished(bookBack())
                .andThenAPublished(penBack())
                .andThenAPublished(declined())
                .andThenAPublished(new StockReturnCancelledEvent(book, orderId, returnId, 2))
                .andThenAPublished(new StockReturnCancelledEvent(pen, orderId, returnId, 1))
                .whenPublishingA(new ReturnFailedEvent(orderId, returnId, customerId, lines, "declined"))
                .expectActiveSagas(0);
    }

    @Test
    void returnStock_failing_schedulesARetry() {
        failing(ReturnStockCommand.class);
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested)
                .expectScheduledDeadlineWithName(RETRY, ReturnSaga.RETURN_RETRY)
                .expectScheduledDeadlineWithName(TIMEOUT, ReturnSaga.RETURN_DEADLINE)
                .expectActiveSagas(1);
    }

    @Test
    void returnStock_failing_isSentAgainAtTheRetryDeadline() {
        failing(ReturnStockCommand.class);
        ContinuedGivenState given = fixture.givenAPublished(requested).andThenAPublished(bookBack());
        fixture.setCallbackBehavior((payload, metaData) -> null);

        given.whenTimeElapses(RETRY)
                .expectDispatchedCommands(new ReturnStockCommand(pen, orderId, returnId, 1))
                .expectScheduledDeadlineWithName(TIMEOUT.minus(RETRY), ReturnSaga.RETURN_DEADLINE);
    }

    @Test
    void returnDeadline_afterRestocksFailed_failsTheReturnWithTheirReason() throws Exception {
        failing(ReturnStockCommand.class);
        fixture.givenAPublished(requested)
                .andThenTimeElapses(TIMEOUT.minus(Duration.ofSeconds(1)))
                .whenTimeElapses(Duration.ofSeconds(1))
                .expectDispatchedCommands(
                        new CancelStockReturnCommand(book, returnId),
                        new CancelStockReturnCommand(pen, returnId),
                        new FailReturnCommand(
                                orderId,
                                returnId,
                                "the units could not be put back in stock: a return of 2 exceeds the 1 units sold"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void returnDeadline_withAUnitHeld_sellsItAgainAndFails() {
        fixture.givenAPublished(requested)
                .andThenAPublished(bookBack())
                .whenTimeElapses(TIMEOUT)
                .expectDispatchedCommands(
                        new CancelStockReturnCommand(book, returnId),
                        new CancelStockReturnCommand(pen, returnId),
                        new FailReturnCommand(orderId, returnId, "the units were not back in stock within " + TIMEOUT))
                .expectActiveSagas(1);
    }

    @Test
    void stockReturned_afterTheReturnFailed_sellsTheUnitsAgain() throws Exception {
        fixture.givenAPublished(requested)
                .andThenTimeElapses(TIMEOUT)
                .whenPublishingA(penBack())
                .expectDispatchedCommands(new CancelStockReturnCommand(pen, returnId))
                .expectActiveSagas(1);
    }

    @Test
    void returnDeadline_onceEveryUnitIsBack_leavesTheRefundToDecide() {
        fixture.givenAPublished(requested)
                .andThenAPublished(bookBack())
                .andThenAPublished(penBack())
                .whenTimeElapses(TIMEOUT)
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void refundReturn_failing_isSentAgainAtTheRetryDeadline() throws Exception {
        failing(RefundReturnCommand.class);
        fixture.givenAPublished(requested)
                .andThenAPublished(bookBack())
                .andThenAPublished(penBack())
                .andThenTimeElapses(RETRY)
                .whenTimeElapses(RETRY)
                .expectDispatchedCommands(new RefundReturnCommand(customerId, orderId, returnId, amount));
    }

    @Test
    void returnStock_sentAgainAtTheRetryDeadline_isStillInTheNameOfWhoAsked() throws Exception {
        failing(ReturnStockCommand.class);
        ContinuedGivenState given = fixture.givenAPublished(
                GenericEventMessage.asEventMessage(requested).andMetaData(Map.of("username", "alice")));
        fixture.setCallbackBehavior((payload, metaData) -> null);

        given.whenTimeElapses(RETRY)
                .expectDispatchedCommands(
                        new ReturnStockCommand(book, orderId, returnId, 2),
                        new ReturnStockCommand(pen, orderId, returnId, 1))
                .expectDispatchedCommandsMatching(Matchers.listWithAllOf(askedBy("alice")));
    }

    private static Matcher<CommandMessage<?>> askedBy(String username) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandMessage<?> command) {
                return username.equals(command.getMetaData().get("username"));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a command asked by ").appendValue(username);
            }
        };
    }
}
