package io.sourced.app.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class TracingTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static boolean enabled(String setting, Map<String, String> otel) {
        MockEnvironment properties = new MockEnvironment();
        if (setting != null) {
            properties.setProperty(Tracing.PROPERTY, setting);
        }
        return Tracing.enabled(properties, otel::get);
    }

    @Test
    void auto_withoutOpenTelemetrySettings_isOff() {
        assertThat(enabled(null, Map.of())).isFalse();
        assertThat(enabled("auto", Map.of("otel.service.name", "shop"))).isFalse();
    }

    @Test
    void auto_withWhereTheSpansGo_isOn() {
        assertThat(enabled(null, Map.of("otel.exporter.otlp.endpoint", "http://collector:4318")))
                .isTrue();
        assertThat(enabled(null, Map.of("otel.exporter.otlp.traces.endpoint", "http://collector:4318/v1/traces")))
                .isTrue();
        assertThat(enabled(null, Map.of("otel.traces.exporter", "otlp"))).isTrue();
        assertThat(enabled(" AUTO ", Map.of("otel.traces.exporter", "console"))).isTrue();
    }

    @Test
    void auto_withNoTracesExporter_orTheSdkDisabled_isOff() {
        assertThat(enabled(null, Map.of("otel.traces.exporter", "none", "otel.exporter.otlp.endpoint", "http://c")))
                .isFalse();
        assertThat(enabled(null, Map.of("otel.sdk.disabled", "true", "otel.traces.exporter", "otlp")))
                .isFalse();
        assertThat(enabled(null, Map.of("otel.exporter.otlp.endpoint", " "))).isFalse();
    }

    @Test
    void trueOrFalse_decideWhateverOpenTelemetrySays() {
        assertThat(enabled("true", Map.of())).isTrue();
        assertThat(enabled("false", Map.of("otel.exporter.otlp.endpoint", "http://collector:4318")))
                .isFalse();
    }

    @Test
    void anotherSetting_isRefused() {
        assertThatThrownBy(() -> enabled("yes", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("auto, true or false");
    }

    @Test
    void carryingTheTrace_off_isTheExecutorItself() {
        assertThat(Tracing.carryingTheTrace(executor, new MockEnvironment())).isSameAs(executor);
    }

    @Test
    void carryingTheTrace_on_runsEachTaskInTheTraceOfTheThreadThatGaveIt() throws Exception {
        ExecutorService carrying =
                Tracing.carryingTheTrace(executor, new MockEnvironment().withProperty(Tracing.PROPERTY, "true"));
        try (SdkTracerProvider tracers = SdkTracerProvider.builder().build()) {
            Span span = tracers.get("test").spanBuilder("saga step").startSpan();
            CompletableFuture<String> seen = new CompletableFuture<>();
            try (Scope ignored = span.makeCurrent()) {
                carrying.execute(
                        () -> seen.complete(Span.current().getSpanContext().getTraceId()));
            }
            assertThat(seen.get()).isEqualTo(span.getSpanContext().getTraceId());
            span.end();
        }
    }
}
