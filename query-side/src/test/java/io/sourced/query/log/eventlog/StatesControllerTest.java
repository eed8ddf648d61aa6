package io.sourced.query.log.eventlog;

import static io.sourced.query.CallerArgumentResolver.customer;
import static io.sourced.query.log.eventlog.EventStoreDatabase.REST_JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sourced.api.eventlog.FindAggregateStatesQuery;
import io.sourced.api.eventlog.StateField;
import io.sourced.api.eventlog.StatePage;
import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.query.AggregateStates;
import io.sourced.query.AsOf;
import io.sourced.query.CallerArgumentResolver;
import io.sourced.query.ViewDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class StatesControllerTest {

    private final CustomerId alice = CustomerId.random();
    private final CustomerId bob = CustomerId.random();
    private final ProductId apples = ProductId.random();
    private final CallerArgumentResolver callers = new CallerArgumentResolver();
    private final EventStoreDatabase events = new EventStoreDatabase();

    private MockMvc mvc;
    private StateQueries queries;

    /** A stand-in for a view's fold: how many events the aggregate had, and the type of the latest. */
    private AggregateStates counting(String aggregateType) {
        return new AggregateStates() {
            @Override
            public String aggregateType() {
                return aggregateType;
            }

            @Override
            public void versions(String aggregateId, long after, int limit, AsOf.Version<Object> each) {
                DomainEventStream stream = events.store.readEvents(aggregateId, 0);
                Map<String, Object> before = null;
                int given = 0;
                while (given < limit && stream.hasNext()) {
                    DomainEventMessage<?> event = stream.next();
                    Map<String, Object> state = new LinkedHashMap<>();
                    state.put("events", event.getSequenceNumber() + 1);
                    state.put("latest", event.getPayloadType().getSimpleName());
                    if (event.getSequenceNumber() > after) {
                        each.accept(event, before, state);
                        given++;
                    }
                    before = state;
                }
            }
        };
    }

    @BeforeEach
    void setUp() throws Exception {
        events.append(
                "Product",
                apples.value(),
                0,
                new ProductRegisteredEvent(apples, "Apples", new BigDecimal("1.50"), 10),
                "admin",
                "t-1");
        for (int i = 1; i <= 4; i++) {
            events.append("Product", apples.value(), i, new ProductRestockedEvent(apples, i, null), "admin", "t-1");
        }
        events.append("CustomerAccount", alice.value(), 0, new AccountOpenedEvent(alice, "Alice"), "admin", "t-2");
        events.append(
                "CustomerAccount",
                alice.value(),
                1,
                new FundsDepositedEvent(alice, new BigDecimal("5.00"), new BigDecimal("5.00"), null),
                "alice",
                "t-3");
        events.append("CustomerAccount", bob.value(), 0, new AccountOpenedEvent(bob, "Bob"), "admin", "t-4");

        JdbcTemplate views = ViewDatabase.migrated();
        AnnotationEventHandlerAdapter projector =
                new AnnotationEventHandlerAdapter(new EventLogProjector(views, REST_JSON));
        for (TrackedEventMessage<?> event : events.readAll()) {
            projector.handle(event);
        }
        EventIndex index = new EventIndex(views, REST_JSON);
        StateVersions versions = new StateVersions(
                List.of(counting("Product"), counting("CustomerAccount")), new EventMapper(REST_JSON), REST_JSON);
        EventLogSettings settings = new EventLogSettings(Duration.ofSeconds(10), 100, 1000);
        queries = new StateQueries(index, versions, settings);
        mvc = MockMvcBuilders.standaloneSetup(new StatesController(new TrailAccess(index, settings), versions))
                .setCustomArgumentResolvers(callers)
                .setMessageConverters(new MappingJackson2HttpMessageConverter(REST_JSON))
                .build();
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void states_eachVersion_holdTheEventTheStateAndTheFieldsItChanged() throws Exception {
        mvc.perform(get("/api/aggregates/{id}/states", apples))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].version").value(contains(0, 1, 2, 3, 4)))
                .andExpect(jsonPath("$[0].event.type").value("ProductRegisteredEvent"))
                .andExpect(jsonPath("$[0].event.payload.price").value(1.50))
                .andExpect(jsonPath("$[0].event.metadata.username").value("admin"))
                .andExpect(jsonPath("$[0].state.events").value(1))
                .andExpect(jsonPath("$[0].changes[*].field").value(contains("events", "latest")))
                .andExpect(jsonPath("$[0].changes[0].before").doesNotExist())
                .andExpect(jsonPath("$[1].event.type").value("ProductRestockedEvent"))
                .andExpect(jsonPath("$[1].event.payload.quantity").value(1))
                .andExpect(jsonPath("$[1].changes[*].field").value(contains("events", "latest")))
                .andExpect(jsonPath("$[1].changes[1].before").value("ProductRegisteredEvent"))
                .andExpect(jsonPath("$[1].changes[1].after").value("ProductRestockedEvent"))
                .andExpect(jsonPath("$[2].changes[*].field").value(contains("events")))
                .andExpect(jsonPath("$[2].changes[0].before").value(2))
                .andExpect(jsonPath("$[2].changes[0].after").value(3));
    }

    @Test
    void states_aPageAtATime_resumeAfterTheLastVersion_aFullPageLinkingTheNext() throws Exception {
        mvc.perform(get("/api/aggregates/{id}/states", apples).param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].version").value(contains(0, 1)))
                .andExpect(header().string(
                                "Link",
                                "<http://localhost/api/aggregates/" + apples
                                        + "/states?after=1&limit=2>; rel=\"next\""));
        mvc.perform(get("/api/aggregates/{id}/states", apples)
                        .param("after", "1")
                        .param("limit", "2"))
                .andExpect(jsonPath("$[*].version").value(contains(2, 3)))
                .andExpect(jsonPath("$[0].changes[0].before").value(2))
                .andExpect(header().exists("Link"));
        mvc.perform(get("/api/aggregates/{id}/states", apples)
                        .param("after", "3")
                        .param("limit", "2"))
                .andExpect(jsonPath("$[*].version").value(contains(4)))
                .andExpect(header().doesNotExist("Link"));
        mvc.perform(get("/api/aggregates/{id}/states", apples).param("after", "4"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());
    }

    @Test
    void states_withALimitOrAfterOutOfRange_isBadRequest() throws Exception {
        for (String[] bad :
                new String[][] {{"limit", "0"}, {"limit", "1001"}, {"limit", "x"}, {"after", "-2"}, {"after", "x"}}) {
            mvc.perform(get("/api/aggregates/{id}/states", apples).param(bad[0], bad[1]))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(get("/api/aggregates/{id}/states", apples).param("limit", "1000"))
                .andExpect(status().isOk());
    }

    @Test
    void statesQuery_forThePages_givesEveryFieldAsText_theChangedOnesMarkedWithTheirValueBefore() {
        StatePage page = queries.handle(new FindAggregateStatesQuery(apples.value(), 1, 1));

        assertThat(page.versions()).singleElement().satisfies(version -> {
            assertThat(version.version()).isEqualTo(2);
            assertThat(version.eventType()).isEqualTo("ProductRestockedEvent");
            assertThat(version.username()).isEqualTo("admin");
            assertThat(version.fields())
                    .containsExactly(
                            new StateField("events", "3", true, "2"),
                            new StateField("latest", "ProductRestockedEvent", false, null));
        });
        assertThat(queries.handle(new FindAggregateStatesQuery(apples.value(), 4, 1))
                        .versions())
                .isEmpty();
        assertThat(queries.handle(new FindAggregateStatesQuery("no-such-aggregate", -1, 1))
                        .versions())
                .isEmpty();
    }

    @Test
    void states_ofTheirOwnAccount_areACustomersToRead_anotherAccountAProductOrNothingIsNotFound() throws Exception {
        callers.signIn(customer(alice));

        mvc.perform(get("/api/aggregates/{id}/states", alice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].event.type").value(contains("AccountOpenedEvent", "FundsDepositedEvent")));
        mvc.perform(get("/api/aggregates/{id}/states", bob)).andExpect(status().isNotFound());
        mvc.perform(get("/api/aggregates/{id}/states", apples)).andExpect(status().isNotFound());
        mvc.perform(get("/api/aggregates/{id}/states", "no-such-aggregate")).andExpect(status().isNotFound());
    }
}
