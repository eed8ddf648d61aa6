package io.sourced.app.tracing;

import io.opentelemetry.context.Context;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.function.UnaryOperator;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether this process makes traces: {@code sourced.tracing.enabled} ({@code auto} by default, {@code true} or
 * {@code false}). On {@code auto} it does when OpenTelemetry's own settings name where the spans go: the environment
 * variables or system properties the SDK reads ({@code OTEL_TRACES_EXPORTER} other than {@code none},
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}), unless
 * {@code OTEL_SDK_DISABLED=true}. They are read where the SDK reads them, not from Spring's properties, so that the
 * switch and the SDK never disagree.
 */
public final class Tracing {

    static final String PROPERTY = "sourced.tracing.enabled";

    private Tracing() {}

    public static boolean enabled(PropertyResolver properties) {
        return enabled(properties, Tracing::otelSetting);
    }

    static boolean enabled(PropertyResolver properties, UnaryOperator<String> otel) {
        String setting = properties.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        return switch (setting) {
            case "true" -> true;
            case "false" -> false;
            case "auto" -> otelConfigured(otel);
            default -> throw new IllegalStateException(PROPERTY + " is auto, true or false, not " + setting);
        };
    }

    /**
     * The executor as it is when tracing is off; on, each task it is given runs in the trace of the thread that gave
     * it (a saga's command sent from its handler), where OpenTelemetry's context, held per thread, would be lost.
     */
    public static ExecutorService carryingTheTrace(ExecutorService executor, PropertyResolver properties) {
        return enabled(properties) ? Context.taskWrapping(executor) : executor;
    }

    private static boolean otelConfigured(UnaryOperator<String> otel) {
        if ("true".equalsIgnoreCase(trimmed(otel.apply("otel.sdk.disabled")))) {
            return false;
        }
        String exporter = trimmed(otel.apply("otel.traces.exporter"));
        if (!exporter.isEmpty()) {
            return !exporter.equalsIgnoreCase("none");
        }
        return !trimmed(otel.apply("otel.exporter.otlp.endpoint")).isEmpty()
                || !trimmed(otel.apply("otel.exporter.otlp.traces.endpoint")).isEmpty();
    }

    /** As the SDK reads a setting: the system property, else the environment variable of that name. */
    private static String otelSetting(String name) {
        String property = System.getProperty(name);
        if (property != null) {
            return property;
        }
        return System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    /** Matches when this process makes traces. */
    static final class On implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return enabled(context.getEnvironment());
        }
    }

    /** Matches when it does not. */
    static final class Off implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !enabled(context.getEnvironment());
        }
    }
}
