package io.sourced.app.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class HttpServerSpansTest {

    private static final String CALLERS_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLERS_SPAN = "00f067aa0ba902b7";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider tracers = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported))
            .build();
    private final HttpServerSpans spans =
            new HttpServerSpans(tracers.get("test"), W3CTraceContextPropagator.getInstance());

    @AfterEach
    void close() {
        tracers.close();
    }

    private static ServerRequestObservationContext request(String method, String path, int status) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(status);
        return new ServerRequestObservationContext(request, response);
    }

    /** What Spring's observation filter does around a request Spring MVC maps to {@code route}. */
    private SpanData handle(ServerRequestObservationContext request, String route, Runnable handler) {
        spans.onStart(request);
        spans.onScopeOpened(request);
        try {
            handler.run();
        } finally {
            spans.onScopeClosed(request);
        }
        request.setPathPattern(route);
        spans.onStop(request);
        assertThat(exported.getFinishedSpanItems()).hasSize(1);
        return exported.getFinishedSpanItems().get(0);
    }

    @Test
    void aRequest_isAServerSpanNamedByItsRoute_currentWhileItIsHandled() {
        ServerRequestObservationContext request = request("GET", "/api/orders/42", 200);
        String[] current = new String[1];

        SpanData span = handle(
                request,
                "/api/orders/{orderId}",
                () -> current[0] = Span.current().getSpanContext().getSpanId());

        assertThat(span.getName()).isEqualTo("GET /api/orders/{orderId}");
        assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(span.getSpanId()).isEqualTo(current[0]);
        assertThat(span.getParentSpanContext().isValid()).isFalse();
        assertThat(span.getLinks()).isEmpty();
        assertThat(span.getAttributes().get(AttributeKey.stringKey("http.route")))
                .isEqualTo("/api/orders/{orderId}");
        assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
                .isEqualTo(200L);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(Span.current().getSpanContext().isValid())
                .as("no span left current")
                .isFalse();
    }

    @Test
    void aTracedCaller_isLinked_notContinued() {
        ServerRequestObservationContext request = request("POST", "/api/orders", 202);
        ((MockHttpServletRequest) request.getCarrier())
                .addHeader("traceparent", "00-" + CALLERS_TRACE + "-" + CALLERS_SPAN + "-01");

        SpanData span = handle(request, "/api/orders", () -> {});

        assertThat(span.getName()).isEqualTo("POST /api/orders");
        assertThat(span.getTraceId()).isNotEqualTo(CALLERS_TRACE);
        assertThat(span.getParentSpanContext().isValid()).isFalse();
        assertThat(span.getLinks()).singleElement().satisfies(link -> {
            assertThat(link.getSpanContext().getTraceId()).isEqualTo(CALLERS_TRACE);
            assertThat(link.getSpanContext().getSpanId()).isEqualTo(CALLERS_SPAN);
        });
    }

    @Test
    void aServerError_marksTheSpan_andAnUnmappedPathKeepsTheMethodAlone() {
        ServerRequestObservationContext request = request("GET", "/nowhere", 500);

        SpanData span = handle(request, null, () -> {
            request.setError(new IllegalStateException("the store is away"));
            spans.onError(request);
        });

        assertThat(span.getName()).isEqualTo("GET");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getEvents()).extracting(event -> event.getName()).containsExactly("exception");
    }

    @Test
    void onlyServerRequests_areTraced() {
        assertThat(spans.supportsContext(request("GET", "/", 200))).isTrue();
        assertThat(spans.supportsContext(new Observation.Context())).isFalse();
    }
}
