package io.sourced.timelines.engine;

import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.DepositFundsCommand;
import io.sourced.api.finance.DepositReversedEvent;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.FundsWithdrawnEvent;
import io.sourced.api.finance.OpenAccountCommand;
import io.sourced.api.finance.ReverseDepositCommand;
import io.sourced.api.finance.TransactionId;
import io.sourced.api.finance.WithdrawFundsCommand;
import io.sourced.api.idempotency.OperationId;
import io.sourced.api.inventory.AutoRestockScheduledEvent;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.inventory.RegisterProductCommand;
import io.sourced.api.inventory.RestockProductCommand;
import io.sourced.api.inventory.StockWrittenOffEvent;
import io.sourced.api.inventory.WriteOffStockCommand;
import io.sourced.api.ordering.CancelOrderCommand;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.PlaceOrderCommand;
import io.sourced.api.ordering.RequestReturnCommand;
import io.sourced.api.ordering.ReturnRequestedEvent;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the customers and the back office asked, read back from the events it caused: the commands a timeline sends
 * again, returns of accepted orders among them. The workflow's own commands are not intents: the sandbox's saga sends its own. Nor are the restocks the
 * automatic restock rule asked: they follow from a rule, which the timeline's own rules decide again.
 */
final class Intents {

    /** The automatic restocks asked in the log and not yet arrived: their arrival is not an intent. */
    private final Set<OperationId> autoRestocks = new HashSet<>();

    Optional<Object> of(LogEntry entry) {
        return Optional.ofNullable(commandFor(entry.payload(), entry));
    }

    private Object commandFor(Object event, LogEntry entry) {
        if (event instanceof AutoRestockScheduledEvent scheduled) {
            autoRestocks.add(scheduled.operationId());
            return null;
        }
        // an account's first deposit comes as an event of its own, sent again as a deposit
        if (event instanceof AccountOpenedEvent opened) {
            return new OpenAccountCommand(opened.customerId(), opened.name(), null);
        }
        if (event instanceof FundsDepositedEvent deposited) {
            return new DepositFundsCommand(
                    deposited.customerId(), deposited.amount(), operation(deposited.operationId(), entry));
        }
        if (event instanceof FundsWithdrawnEvent withdrawn) {
            return new WithdrawFundsCommand(
                    withdrawn.customerId(), withdrawn.amount(), operation(withdrawn.operationId(), entry));
        }
        // the deposit was sent again under the operation its transaction id names, so the sandbox's has that id too
        if (event instanceof DepositReversedEvent reversed) {
            return new ReverseDepositCommand(reversed.customerId(), reversed.transactionId(), reversed.reason());
        }
        if (event instanceof ProductRegisteredEvent registered) {
            return new RegisterProductCommand(
                    registered.productId(),
                    registered.name(),
                    registered.price(),
                    registered.initialStock(),
                    registered.category());
        }
        if (event instanceof ProductRestockedEvent restocked) {
            if (restocked.operationId() != null && autoRestocks.remove(restocked.operationId())) {
                return null;
            }
            return new RestockProductCommand(
                    restocked.productId(), restocked.quantity(), operation(restocked.operationId(), entry));
        }
        if (event instanceof StockWrittenOffEvent writtenOff) {
            return new WriteOffStockCommand(
                    writtenOff.productId(), writtenOff.quantity(), writtenOff.reason(), writtenOff.operationId());
        }
        if (event instanceof OrderPlacedEvent placed) {
            return new PlaceOrderCommand(placed.orderId(), placed.customerId(), placed.lines());
        }
        // asked by the customer or the staff: the sandbox asks as the staff, who may cancel any order
        if (event instanceof OrderCancelledEvent cancelled) {
            return new CancelOrderCommand(cancelled.orderId(), null);
        }
        // a customer's return (or the staff's), asked again under its id as the staff, who may return any order's units
        if (event instanceof ReturnRequestedEvent requested) {
            return new RequestReturnCommand(
                    requested.orderId(),
                    requested.returnId(),
                    requested.lines().stream()
                            .map(line -> new OrderLine(line.productId(), line.quantity()))
                            .toList(),
                    requested.reason(),
                    null);
        }
        return null;
    }

    /**
     * The operation recorded, or one made from the event for those recorded without one: the id of the ledger entry the
     * event made, so that a deposit sent again keeps the transaction id a reversal names.
     */
    private static OperationId operation(OperationId recorded, LogEntry entry) {
        return OperationId.of(TransactionId.of(recorded, entry.eventId()).value());
    }
}
