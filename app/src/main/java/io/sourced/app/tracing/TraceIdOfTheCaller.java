package io.sourced.app.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.MessageOriginProvider;

/**
 * Gives a command that starts a trace (one sent from an HTTP request, not from a saga) the W3C trace id of the span it
 * is sent in as its {@code traceId}. Axon's correlation data carries that id into every event the command causes and
 * every command and event after them, so the order's trace ({@code GET /api/orders/{id}/trace}) and the spans of its
 * OpenTelemetry trace share one id. A command sent within a trace already (a saga's) keeps the {@code traceId} it
 * carries.
 */
final class TraceIdOfTheCaller implements MessageDispatchInterceptor<CommandMessage<?>> {

    static final String TRACE_ID = MessageOriginProvider.getDefaultTraceKey();

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (command.getMetaData().containsKey(TRACE_ID)) {
                return command;
            }
            SpanContext span = Span.current().getSpanContext();
            return span.isValid() ? command.andMetaData(Map.of(TRACE_ID, span.getTraceId())) : command;
        };
    }
}
