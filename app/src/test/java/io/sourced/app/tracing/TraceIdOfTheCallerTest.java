package io.sourced.app.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TraceIdOfTheCallerTest {

    private final SdkTracerProvider tracers = SdkTracerProvider.builder().build();
    private final TraceIdOfTheCaller interceptor = new TraceIdOfTheCaller();

    @AfterEach
    void close() {
        tracers.close();
    }

    private static CommandMessage<?> command(MetaData metaData) {
        return GenericCommandMessage.asCommandMessage("place an order").andMetaData(metaData);
    }

    @Test
    void aCommandSentInASpan_takesItsTraceIdAsItsTraceId() {
        Span request = tracers.get("test").spanBuilder("POST /api/orders").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            CommandMessage<?> sent = interceptor.handle(command(MetaData.emptyInstance()));
            assertThat(sent.getMetaData().get("traceId"))
                    .isEqualTo(request.getSpanContext().getTraceId())
                    .asString()
                    .matches("[0-9a-f]{32}");
        } finally {
            request.end();
        }
    }

    @Test
    void aCommandInATraceAlready_keepsItsTraceId() {
        Span step = tracers.get("test").spanBuilder("saga step").startSpan();
        try (Scope ignored = step.makeCurrent()) {
            CommandMessage<?> sent = interceptor.handle(command(MetaData.with("traceId", "the order's")));
            assertThat(sent.getMetaData().get("traceId")).isEqualTo("the order's");
        } finally {
            step.end();
        }
    }

    @Test
    void aCommandSentOutsideASpan_isLeftAsItIs() {
        CommandMessage<?> command = command(MetaData.with("username", "alice"));
        assertThat(interceptor.handle(command)).isSameAs(command);
    }
}
