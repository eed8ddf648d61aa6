package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.sourced.app.it.Api.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.SpanFactory;
import org.junit.jupiter.api.Test;

/**
 * Traces on the embedded default: an order's trace, in the application's in-memory OpenTelemetry, holds the request
 * that placed it, its commands, the saga's steps and the views' handling, under the trace id the order's trace API
 * shows; with traces off, nothing is traced.
 */
class H2TracingIT {

    /** A caller that is traced itself (W3C {@code traceparent}): the order's trace is linked to it. */
    private static final String CALLERS_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private static final String CALLERS_SPAN = "00f067aa0ba902b7";

    @Test
    void anOrdersTrace_holdsTheRequest_theCommands_theSagasSteps_andTheViews() {
        Database database = Database.h2();
        try (Instance instance =
                Instance.start(database, List.of("--sourced.tracing.enabled=true"), InMemoryTracing.class)) {
            Api admin = instance.admin;
            String product = admin.registerProduct("Lamp " + UUID.randomUUID(), "9.50", 5);
            String customer = admin.openCustomer("Noor " + UUID.randomUUID(), "100");
            Answer placed = admin.post(
                    "/api/orders",
                    Map.of("customerId", customer, "lines", List.of(Map.of("productId", product, "quantity", 2))),
                    Map.of("traceparent", "00-" + CALLERS_TRACE + "-" + CALLERS_SPAN + "-01"));
            assertThat(placed.status()).isEqualTo(202);
            String orderId = placed.id("orderId");
            assertThat(admin.awaitTerminal(orderId).path("status").asText()).isEqualTo("ACCEPTED");

            JsonNode events = admin.get("/api/orders/" + orderId + "/trace").body();
            assertThat(events.get(0).path("type").asText()).endsWith("OrderPlacedEvent");
            String traceId = events.get(0).path("metadata").path("traceId").asText();
            assertThat(traceId)
                    .as("a W3C trace id of its own, not the caller's")
                    .matches("[0-9a-f]{32}")
                    .isNotEqualTo(CALLERS_TRACE);
            events.forEach(event -> assertThat(
                            event.path("metadata").path("traceparent").asText())
                    .as("stored with its span, in W3C form")
                    .matches("00-" + traceId + "-[0-9a-f]{16}-01"));

            InMemorySpanExporter spans = instance.bean(InMemorySpanExporter.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<SpanData> trace = spans.getFinishedSpanItems().stream()
                        .filter(span -> span.getTraceId().equals(traceId))
                        .toList();
                Set<String> names = trace.stream().map(SpanData::getName).collect(Collectors.toSet());
                assertThat(trace)
                        .filteredOn(span -> span.getKind() == SpanKind.SERVER)
                        .singleElement()
                        .satisfies(request -> {
                            assertThat(request.getName()).isEqualTo("POST /api/orders");
                            assertThat(request.getParentSpanContext().isValid()).isFalse();
                            assertThat(request.getLinks())
                                    .extracting(link -> link.getSpanContext().getSpanId())
                                    .containsExactly(CALLERS_SPAN);
                        });
                assertThat(names)
                        .contains(
                                "CommandBus.dispatchCommand(PlaceOrderCommand)",
                                "CommandBus.handleCommand(PlaceOrderCommand)",
                                "SagaManager.createSaga(OrderFulfilmentSaga)(OrderPlacedEvent)",
                                "SagaManager.invokeSaga(OrderFulfilmentSaga)(StockReservedEvent)",
                                "CommandBus.dispatchCommand(ReserveStockCommand)",
                                "CommandBus.handleCommand(ReserveStockCommand)",
                                "CommandBus.handleCommand(AuthorizePaymentCommand)",
                                "CommandBus.handleCommand(AcceptOrderCommand)",
                                "StreamingEventProcessor.process(OrderPlacedEvent)",
                                "StreamingEventProcessor.process(OrderAcceptedEvent)",
                                "OrderViewProjector.on(OrderAcceptedEvent,Instant,ReplayStatus)");
                assertThat(names).anyMatch(name -> name.startsWith("OrderFulfilmentSaga.on("));
                assertThat(trace)
                        .as("no metadata in the spans: the username stays in the event log")
                        .allSatisfy(
                                span -> assertThat(span.getAttributes().asMap().values())
                                        .doesNotContain("admin"));
                // one tree: every span but the request's hangs from another of the trace
                Set<String> ids = trace.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
                assertThat(trace)
                        .filteredOn(span -> span.getKind() != SpanKind.SERVER)
                        .allSatisfy(span -> assertThat(span.getParentSpanId())
                                .as(span.getName())
                                .isIn(ids));
            });
        } finally {
            database.drop();
        }
    }

    @Test
    void tracesOff_makeNoSpans_andStoreNoTraceContext() {
        Database database = Database.h2();
        try (Instance instance =
                Instance.start(database, List.of("--sourced.tracing.enabled=false"), InMemoryTracing.class)) {
            assertThat(instance.bean(SpanFactory.class)).isSameAs(NoOpSpanFactory.INSTANCE);
            Api admin = instance.admin;
            String product = admin.registerProduct("Lamp " + UUID.randomUUID(), "9.50", 5);
            String customer = admin.openCustomer("Noor " + UUID.randomUUID(), "100");
            String orderId = admin.placeOrder(customer, Map.of(product, 1)).id("orderId");
            assertThat(admin.awaitTerminal(orderId).path("status").asText()).isEqualTo("ACCEPTED");
            instance.awaitQuiet();

            assertThat(instance.bean(InMemorySpanExporter.class).getFinishedSpanItems())
                    .isEmpty();
            JsonNode events = admin.get("/api/orders/" + orderId + "/trace").body();
            assertThat(events.size()).isGreaterThan(1);
            events.forEach(event -> {
                assertThat(event.path("metadata").has("traceparent")).isFalse();
                assertThat(event.path("metadata").path("traceId").asText())
                        .as("the id of the command that placed the order, as without traces")
                        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            });
        } finally {
            database.drop();
        }
    }
}
