package io.sourced.command.admission;

import io.micrometer.core.instrument.Counter;
import io.sourced.api.ordering.PlaceOrderCommand;
import io.sourced.command.Refused;
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
    private final AdmissionSettings settings;
    private final Counter refused;

    OrderAdmission(Supplier<Backlog> backlog, AdmissionSettings settings, Counter refused) {
        this.backlog = backlog;
        this.settings = settings;
        this.refused = refused;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayloadType() == PlaceOrderCommand.class) {
            Backlog now = backlog.get();
            if (refuses(now)) {
                refused.increment();
                throw Refused.busy(
                        "Many orders are being decided right now; try again in a moment.",
                        now.secondsOver(settings.limit()));
            }
        }
        return chain.proceed();
    }

    /** Whether a new order is refused with the workflow's backlog as it is. */
    boolean refuses(Backlog now) {
        return settings.enabled() && now.exceeds(settings.limit());
    }

    long refused() {
        return (long) refused.count();
    }
}
