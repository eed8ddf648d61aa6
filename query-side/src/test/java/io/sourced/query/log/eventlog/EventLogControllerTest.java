package io.sourced.query.log.eventlog;

import static io.sourced.query.CallerArgumentResolver.customer;
import static io.sourced.query.log.eventlog.EventStoreDatabase.REST_JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.sourced.api.caller.Caller;
import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.query.CallerArgumentResolver;
import io.sourced.query.ViewDatabase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class EventLogControllerTest {

    private final CustomerId alice = CustomerId.random();
    private final CustomerId bob = CustomerId.random();
    private final ProductId apples = ProductId.random();
    private final OrderId alicesOrder = OrderId.random();
    private final OrderId bobsOrder = OrderId.random();
    private final CallerArgumentResolver callers = new CallerArgumentResolver();
    private final EventStoreDatabase events = new EventStoreDatabase();

    private MockMvc mvc;

    @BeforeEach
    void setUp() throws Exception {
        events.append(
                "Product",
                apples.value(),
                0,
                new ProductRegisteredEvent(apples, "Apples", new BigDecimal("1.50"), 10),
                "admin",
                "t-product");
        events.append("CustomerAccount", alice.value(), 0, new AccountOpenedEvent(alice, "Alice"), "admin", "t-alice");
        events.append(
                "Order",
                alicesOrder.value(),
                0,
                new OrderPlacedEvent(alicesOrder, alice, List.of(new OrderLine(apples, 2))),
                "alice",
                "t-1");
        events.append(
                "Order",
                bobsOrder.value(),
                0,
                new OrderPlacedEvent(bobsOrder, bob, List.of(new OrderLine(apples, 1))),
                "bob",
                "t-2");
        events.append(
                "Product",
                apples.value(),
                1,
                new StockReservedEvent(apples, alicesOrder, 2, new BigDecimal("1.50")),
                "alice",
                "t-1");
        events.append(
                "Product",
                apples.value(),
                2,
                new StockReservedEvent(apples, bobsOrder, 1, new BigDecimal("1.50")),
                "bob",
                "t-2");
        events.append(
                "CustomerAccount",
                alice.value(),
                1,
                new PaymentAuthorizedEvent(alice, alicesOrder, new BigDecimal("3.00"), new BigDecimal("7.00")),
                "alice",
                "t-1");
        events.append(
                "Order",
                alicesOrder.value(),
                1,
                new OrderAcceptedEvent(alicesOrder, alice, new BigDecimal("3.00")),
                "alice",
                "t-1");
        events.append(
                "Product", apples.value(), 3, new ReservationConfirmedEvent(apples, alicesOrder, 2), "alice", "t-1");

        JdbcTemplate views = ViewDatabase.migrated();
        EventMapper mapper = new EventMapper(REST_JSON);
        AnnotationEventHandlerAdapter projector =
                new AnnotationEventHandlerAdapter(new EventLogProjector(views, REST_JSON));
        for (TrackedEventMessage<?> event : events.readAll()) {
            projector.handle(event);
        }
        EventFeed feed = new EventFeed(
                events.store, events.engine, mapper, Duration.ofSeconds(10), new RecordedAges(events.jdbc)::of);
        EventIndex index = new EventIndex(views, REST_JSON);
        mvc = MockMvcBuilders.standaloneSetup(new EventLogController(
                        feed,
                        index,
                        REST_JSON,
                        new TrailAccess(index, new EventLogSettings(Duration.ofSeconds(10), 100, 1000))))
                .setCustomArgumentResolvers(callers)
                .setMessageConverters(
                        new ByteArrayHttpMessageConverter(), new MappingJackson2HttpMessageConverter(REST_JSON))
                .build();
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    private List<JsonNode> ndjson(String query) throws Exception {
        String body = mvc.perform(get("/api/events" + query))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/x-ndjson"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        if (!body.isEmpty()) {
            assertThat(body).endsWith("\n");
        }
        return body.lines()
                .map(line -> {
                    try {
                        return REST_JSON.readTree(line);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void events_areOneEventALine_inLogOrder_resumableAfterTheLastPosition() throws Exception {
        List<JsonNode> first = ndjson("?limit=4");
        List<JsonNode> rest = ndjson("?after=" + first.get(3).path("position").asLong());

        assertThat(first).extracting(e -> e.path("position").asLong()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(rest).extracting(e -> e.path("position").asLong()).containsExactly(5L, 6L, 7L, 8L, 9L);
        JsonNode placed = first.get(2);
        assertThat(placed.path("type").asText()).isEqualTo("OrderPlacedEvent");
        assertThat(placed.path("aggregateType").asText()).isEqualTo("Order");
        assertThat(placed.path("aggregateId").asText()).isEqualTo(alicesOrder.value());
        assertThat(placed.path("sequence").asLong()).isZero();
        assertThat(placed.path("revision").asText()).isEqualTo("1");
        assertThat(placed.path("eventId").asText()).isNotBlank();
        assertThat(placed.path("timestamp").asText()).endsWith("Z");
        assertThat(placed.path("payload").path("customerId").asText()).isEqualTo(alice.value());
        assertThat(placed.path("metadata").path("traceId").asText()).isEqualTo("t-1");
        assertThat(ndjson("?after=9")).isEmpty();
    }

    @Test
    void events_withALimitOrPositionOutOfRange_isBadRequest() throws Exception {
        mvc.perform(get("/api/events").param("limit", "0")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/events").param("limit", "1001")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/events").param("limit", "x")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/events").param("after", "-2")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/events").param("limit", "1000")).andExpect(status().isOk());
    }

    @Test
    void aggregateEvents_asAdmin_answerAProductsHistoryOldestFirst() throws Exception {
        mvc.perform(get("/api/aggregates/{id}/events", apples))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].sequence").value(contains(0, 1, 2, 3)))
                .andExpect(jsonPath("$[*].type")
                        .value(contains(
                                "ProductRegisteredEvent",
                                "StockReservedEvent",
                                "StockReservedEvent",
                                "ReservationConfirmedEvent")))
                .andExpect(jsonPath("$[1].payload.unitPrice").value(1.50))
                .andExpect(jsonPath("$[1].metadata.username").value("alice"));
    }

    @Test
    void aggregateEvents_aPageAtATime_resumeAfterTheLastSequence_aFullPageLinkingTheNext() throws Exception {
        mvc.perform(get("/api/aggregates/{id}/events", apples).param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].sequence").value(contains(0, 1)))
                .andExpect(header().string(
                                "Link",
                                "<http://localhost/api/aggregates/" + apples
                                        + "/events?after=1&limit=2>; rel=\"next\""));
        mvc.perform(get("/api/aggregates/{id}/events", apples)
                        .param("after", "1")
                        .param("limit", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].sequence").value(contains(2, 3)))
                .andExpect(header().doesNotExist("Link"));
        mvc.perform(get("/api/aggregates/{id}/events", apples).param("after", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());
    }

    @Test
    void aggregateEvents_withALimitOrAfterOutOfRange_isBadRequest() throws Exception {
        for (String[] bad :
                new String[][] {{"limit", "0"}, {"limit", "1001"}, {"limit", "x"}, {"after", "-2"}, {"after", "x"}}) {
            mvc.perform(get("/api/aggregates/{id}/events", apples).param(bad[0], bad[1]))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(get("/api/aggregates/{id}/events", apples).param("limit", "1000"))
                .andExpect(status().isOk());
    }

    @Test
    void aggregateEvents_ofTheirOwnAccountAndOrder_areACustomersToRead() throws Exception {
        callers.signIn(customer(alice));

        mvc.perform(get("/api/aggregates/{id}/events", alice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].type").value(contains("AccountOpenedEvent", "PaymentAuthorizedEvent")));
        mvc.perform(get("/api/aggregates/{id}/events", alicesOrder))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].type").value(contains("OrderPlacedEvent", "OrderAcceptedEvent")));
    }

    @Test
    void aggregateEvents_ofAnotherCustomerAProductOrNothing_isNotFound() throws Exception {
        callers.signIn(customer(bob));
        mvc.perform(get("/api/aggregates/{id}/events", alice)).andExpect(status().isNotFound());
        mvc.perform(get("/api/aggregates/{id}/events", alicesOrder)).andExpect(status().isNotFound());
        mvc.perform(get("/api/aggregates/{id}/events", apples)).andExpect(status().isNotFound());
        callers.signIn(new Caller("nobody", Set.of(Caller.CUSTOMER), null));
        mvc.perform(get("/api/aggregates/{id}/events", alicesOrder)).andExpect(status().isNotFound());
        callers.signIn(CallerArgumentResolver.admin());
        mvc.perform(get("/api/aggregates/{id}/events", "no-such-aggregate")).andExpect(status().isNotFound());
    }

    @Test
    void trace_ofAnOrder_holdsEverythingItCaused_inLogOrder_andNothingOfAnother() throws Exception {
        callers.signIn(customer(alice));

        mvc.perform(get("/api/orders/{orderId}/trace", alicesOrder))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].type")
                        .value(contains(
                                "OrderPlacedEvent",
                                "StockReservedEvent",
                                "PaymentAuthorizedEvent",
                                "OrderAcceptedEvent",
                                "ReservationConfirmedEvent")))
                .andExpect(jsonPath("$[*].position").value(contains(3, 5, 7, 8, 9)))
                .andExpect(jsonPath("$[*].payload.orderId")
                        .value(contains(
                                alicesOrder.value(),
                                alicesOrder.value(),
                                alicesOrder.value(),
                                alicesOrder.value(),
                                alicesOrder.value())));
    }

    @Test
    void trace_ofAnotherCustomersUnknownOrMalformedOrder_isNotFound() throws Exception {
        callers.signIn(customer(bob));

        mvc.perform(get("/api/orders/{orderId}/trace", alicesOrder)).andExpect(status().isNotFound());
        mvc.perform(get("/api/orders/{orderId}/trace", OrderId.random())).andExpect(status().isNotFound());
        mvc.perform(get("/api/orders/{orderId}/trace", "not-a-uuid")).andExpect(status().isNotFound());
        mvc.perform(get("/api/orders/{orderId}/trace", bobsOrder)).andExpect(status().isOk());
    }
}
