package io.sourced.command.admission;

import io.micrometer.core.instrument.Counter;
import io.sourced.api.ordering.PlaceOrderCommand;
import io.sourced.command.Refused;
import java.time.Duration;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Refuses a new order while the workflow is further behind than its limit: accepted, it would only wait its turn
 * longer, and the ones already waiting with it. Other commands, those of the orders in hand among them, pass.
 * On the handling side, so that the shop page, the API and any other sender meet the same rule.
 */
final class OrderAdmission implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Supplier<Backlog> backlog;
    private final Duration limit;
    private final Counter refused;

    OrderAdmission(Supplier<Backlog> backlog, Duration limit, Counter refused) {
        this.backlog = backlog;
        this.limit = limit;
        this.refused = refused;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayloadType() == PlaceOrderCommand.class) {
            Backlog now = backlog.get();
            if (now.exceeds(limit)) {
                refused.increment();
                throw Refused.busy(
                        "Many orders are being decided right now; try again in a moment.", now.secondsOver(limit));
            }
        }
        return chain.proceed();
    }

    long refused() {
        return (long) refused.count();
    }

    Duration limit() {
        return limit;
    }
}
