package io.sourced.app.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;

class TracingConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    TracingConfiguration.class,
                    // Spring Boot's, which would make an SDK of its own
                    org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration.class));

    static class ApplicationsOwn {
        @Bean
        OpenTelemetry applicationsOpenTelemetry() {
            return OpenTelemetry.propagating(OpenTelemetry.noop().getPropagators());
        }
    }

    @Test
    void off_axonMakesNoSpans_andNoSdkIsMade() {
        context.withPropertyValues("sourced.tracing.enabled=false").run(off -> {
            assertThat(off).getBean(SpanFactory.class).isSameAs(NoOpSpanFactory.INSTANCE);
            assertThat(off).getBean(OpenTelemetry.class).isSameAs(OpenTelemetry.noop());
            assertThat(off).doesNotHaveBean(OpenTelemetrySdk.class);
            assertThat(off).doesNotHaveBean(HttpServerSpans.class);
            assertThat(off).doesNotHaveBean(TraceIdOfTheCaller.class);
        });
    }

    @Test
    void on_axonsSpansGoToTheApplicationsOpenTelemetry_whenItHasOne() {
        context.withUserConfiguration(ApplicationsOwn.class)
                .withPropertyValues("sourced.tracing.enabled=true")
                .run(on -> {
                    assertThat(on).getBean(SpanFactory.class).isInstanceOf(OpenTelemetrySpanFactory.class);
                    assertThat(on.getBeanNamesForType(OpenTelemetry.class))
                            .containsExactly("applicationsOpenTelemetry");
                    assertThat(on).hasSingleBean(HttpServerSpans.class);
                    assertThat(on).hasSingleBean(TraceIdOfTheCaller.class);
                });
    }

    @Test
    void on_withoutOneOfTheApplications_theSdkIsMadeFromOpenTelemetrysSettings() {
        context.withPropertyValues("sourced.tracing.enabled=true").run(on -> {
            assertThat(on).hasSingleBean(OpenTelemetry.class);
            assertThat(on.getBean(OpenTelemetrySdk.class).getSdkTracerProvider().toString())
                    .as("exporting as OpenTelemetry's settings say")
                    .contains("OtlpHttpSpanExporter");
            assertThat(on).getBean(SpanFactory.class).isInstanceOf(OpenTelemetrySpanFactory.class);
        });
    }

    @Test
    void on_withSettingsTheSdkCannotApply_stopsTheStart_sayingWhy() {
        String before = System.getProperty("otel.exporter.otlp.protocol");
        System.setProperty("otel.exporter.otlp.protocol", "grpc");
        try {
            context.withPropertyValues("sourced.tracing.enabled=true")
                    .run(on -> assertThat(on)
                            .getFailure()
                            .hasStackTraceContaining("cannot be applied: No GrpcSenderProvider")
                            .hasStackTraceContaining("OTLP over http/protobuf"));
        } finally {
            if (before == null) {
                System.clearProperty("otel.exporter.otlp.protocol");
            } else {
                System.setProperty("otel.exporter.otlp.protocol", before);
            }
        }
    }
}
