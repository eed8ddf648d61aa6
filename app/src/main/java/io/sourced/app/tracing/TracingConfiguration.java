package io.sourced.app.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.sourced.app.axon.Causes;
import java.util.Map;
import org.axonframework.springboot.autoconfig.AxonTracingAutoConfiguration;
import org.axonframework.springboot.autoconfig.OpenTelemetryAutoConfiguration;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Traces, off unless configured ({@link Tracing}). Off, Axon's span factory is its no-op one and no OpenTelemetry SDK
 * is made. On, the SDK is set up from OpenTelemetry's own settings ({@code OTEL_*} variables or {@code otel.*} system
 * properties), unless the application gives an {@link OpenTelemetry} of its own (the tests' in-memory one): hence an
 * auto-configuration, which runs after the application's beans are known, and before Axon's, which would otherwise
 * make a span factory of the global OpenTelemetry, and Spring Boot's, which would otherwise make an SDK of its own
 * (one that exports nothing) whether traces are on or off.
 */
@AutoConfiguration(
        before = {
            OpenTelemetryAutoConfiguration.class,
            AxonTracingAutoConfiguration.class,
            org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration.class
        })
class TracingConfiguration {

    /** Only traces: the metrics are Micrometer's ({@code /actuator/prometheus}) and the logs stay in the log. */
    private static final Map<String, String> SDK_DEFAULTS = Map.of(
            "otel.service.name", "sourced",
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none",
            // the exporter sends with the JDK's HTTP client: OTLP over gRPC would need another client in the jar
            "otel.exporter.otlp.protocol", "http/protobuf");

    @Bean
    @Conditional(Tracing.Off.class)
    SpanFactory noSpans() {
        return NoOpSpanFactory.INSTANCE;
    }

    /** OpenTelemetry's API alone, which makes nothing: in its place Spring Boot would start an SDK. */
    @Bean
    @Conditional(Tracing.Off.class)
    @ConditionalOnMissingBean(OpenTelemetry.class)
    OpenTelemetry noOpenTelemetry() {
        return OpenTelemetry.noop();
    }

    @Bean
    @Conditional(Tracing.On.class)
    @ConditionalOnMissingBean(OpenTelemetry.class)
    OpenTelemetrySdk openTelemetry() {
        try {
            return AutoConfiguredOpenTelemetrySdk.builder()
                    .addPropertiesSupplier(() -> SDK_DEFAULTS)
                    // closed with the application context, after the last spans
                    .disableShutdownHook()
                    .build()
                    .getOpenTelemetrySdk();
        } catch (ConfigurationException e) {
            throw new IllegalStateException(
                    "Traces are on but OpenTelemetry's settings (OTEL_* variables, otel.* system properties) cannot "
                            + "be applied: " + rootMessage(e) + ". Spans are exported as OTLP over http/protobuf "
                            + "(grpc is not in this jar); " + Tracing.PROPERTY + "=false turns traces off",
                    e);
        }
    }

    private static String rootMessage(Throwable failure) {
        return Causes.first(failure, cause -> cause.getCause() == null || cause.getCause() == cause)
                .map(Throwable::getMessage)
                .orElse(failure.getMessage());
    }

    /**
     * Axon's spans, linked across the event store by the W3C {@code traceparent} Axon writes into each message's
     * metadata: the format of what is stored stays one whatever propagators the HTTP side is set to.
     */
    @Bean
    @Conditional(Tracing.On.class)
    SpanFactory spanFactory(OpenTelemetry openTelemetry) {
        return OpenTelemetrySpanFactory.builder()
                .tracer(tracer(openTelemetry))
                .contextPropagators(W3CTraceContextPropagator.getInstance())
                .build();
    }

    @Bean
    @Conditional(Tracing.On.class)
    HttpServerSpans httpServerSpans(OpenTelemetry openTelemetry) {
        return new HttpServerSpans(
                tracer(openTelemetry), openTelemetry.getPropagators().getTextMapPropagator());
    }

    @Bean
    @Conditional(Tracing.On.class)
    TraceIdOfTheCaller traceIdOfTheCaller() {
        return new TraceIdOfTheCaller();
    }

    private static Tracer tracer(OpenTelemetry openTelemetry) {
        return openTelemetry.getTracer("io.sourced");
    }
}
