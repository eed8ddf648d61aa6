package io.sourced.app.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * A server span for each HTTP request Spring observes (the API and the pages; not the simulators' nor the actuator's,
 * see {@code RequestObservations}), named as OpenTelemetry's conventions name it ({@code POST /api/orders}). It is the
 * current span while the request is handled, so the commands it sends are dispatched in its trace.
 * <p>
 * Each request starts a trace of its own, linked to the caller's when the request carries one ({@code traceparent}),
 * never continuing it: an order's trace id groups its events in the log ({@link TraceIdOfTheCaller}), and a caller
 * that placed several orders under one trace, or named another's trace id, would otherwise have them share one.
 */
final class HttpServerSpans implements ObservationHandler<ServerRequestObservationContext> {

    private static final TextMapGetter<HttpServletRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServletRequest request) {
            return Collections.list(request.getHeaderNames());
        }

        @Override
        public String get(HttpServletRequest request, String name) {
            return request == null ? null : request.getHeader(name);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    /** The scopes opened on each thread: a request handled asynchronously opens one on each thread it runs on. */
    private final ThreadLocal<Deque<Scope>> scopes = ThreadLocal.withInitial(ArrayDeque::new);

    HttpServerSpans(Tracer tracer, TextMapPropagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ServerRequestObservationContext;
    }

    @Override
    public void onStart(ServerRequestObservationContext context) {
        HttpServletRequest request = context.getCarrier();
        SpanContext caller = Span.fromContext(propagator.extract(Context.root(), request, HEADERS))
                .getSpanContext();
        SpanBuilder builder = tracer.spanBuilder(request.getMethod()).setNoParent();
        if (caller.isValid()) {
            builder.addLink(caller);
        }
        Span span = builder.setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", request.getMethod())
                .setAttribute("url.path", request.getRequestURI())
                .startSpan();
        context.put(Span.class, span);
    }

    @Override
    public void onScopeOpened(ServerRequestObservationContext context) {
        Span span = context.get(Span.class);
        if (span != null) {
            scopes.get().push(span.makeCurrent());
        }
    }

    @Override
    public void onScopeClosed(ServerRequestObservationContext context) {
        Deque<Scope> opened = scopes.get();
        if (context.get(Span.class) != null && !opened.isEmpty()) {
            opened.pop().close();
        }
        if (opened.isEmpty()) {
            scopes.remove();
        }
    }

    @Override
    public void onError(ServerRequestObservationContext context) {
        Span span = context.get(Span.class);
        if (span != null && context.getError() != null) {
            span.recordException(context.getError());
        }
    }

    @Override
    public void onStop(ServerRequestObservationContext context) {
        Span span = context.get(Span.class);
        if (span == null) {
            return;
        }
        String route = context.getPathPattern();
        if (route != null) {
            span.updateName(context.getCarrier().getMethod() + " " + route);
            span.setAttribute("http.route", route);
        }
        HttpServletResponse response = context.getResponse();
        if (response != null) {
            span.setAttribute("http.response.status_code", response.getStatus());
            if (response.getStatus() >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
        }
        span.end();
    }
}
