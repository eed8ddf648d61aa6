package io.sourced.command.idempotency;

import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.FundsWithdrawnEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads a stored revision 1 deposit, withdrawal or restock as revision 2, which names its operation: one recorded
 * before operations were named has none, and its payload is left as stored, where an absent {@code operationId}
 * reads as null.
 */
@Component
class OperationIdUpcaster extends SingleEventUpcaster {

    private static final Set<String> NAMING_THEIR_OPERATION_SINCE_REVISION_2 = Set.of(
            FundsDepositedEvent.class.getName(),
            FundsWithdrawnEvent.class.getName(),
            ProductRestockedEvent.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return "1".equals(event.getType().getRevision())
                && NAMING_THEIR_OPERATION_SINCE_REVISION_2.contains(
                        event.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(
                new SimpleSerializedType(event.getType().getName(), "2"), byte[].class, Function.identity());
    }
}
