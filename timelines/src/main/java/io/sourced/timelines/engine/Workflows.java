package io.sourced.timelines.engine;

import io.sourced.saga.ordering.OrderWorkflowSettings;
import io.sourced.saga.returns.ReturnWorkflowSettings;
import java.time.Duration;

/**
 * The live workflows' settings, which the sandbox's run as the live ones do: the order workflow's timeout, the returns
 * workflow's deadlines, and how long after its acceptance an order's units may be returned.
 */
public record Workflows(OrderWorkflowSettings orders, ReturnWorkflowSettings returns, Duration returnWindow) {

    /** The order workflow's settings, and the returns' defaults. */
    public static Workflows of(OrderWorkflowSettings orders) {
        return new Workflows(
                orders,
                new ReturnWorkflowSettings(Duration.ofMinutes(10), Duration.ofSeconds(10)),
                Duration.ofDays(30));
    }
}
