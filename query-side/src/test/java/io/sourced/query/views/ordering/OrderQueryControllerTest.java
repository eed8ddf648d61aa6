package io.sourced.query.views.ordering;

import static io.sourced.query.CallerArgumentResolver.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.query.CallerArgumentResolver;
import io.sourced.query.ControllerMvc;
import io.sourced.query.Deliver;
import io.sourced.query.LocalQueries;
import io.sourced.query.ViewDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

class OrderQueryControllerTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    private final CustomerId alice = CustomerId.random();
    private final CustomerId bob = CustomerId.random();
    private final ProductId apples = ProductId.random();
    private final CallerArgumentResolver callers = new CallerArgumentResolver();

    private OrderViewProjector projector;

    private Deliver deliver;
    private LocalQueries local;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        JdbcTemplate jdbc = ViewDatabase.migrated();
        local = new LocalQueries();
        projector = new OrderViewProjector(jdbc, local.updateEmitter());
        deliver = Deliver.to(projector);
        local.register(new OrderViewQueries(jdbc));
        mvc = ControllerMvc.of(new OrderQueryController(local.gateway(), new OrderUpdates(local.gateway())), callers);
    }

    @Test
    void getOrder_own_answersTheOrder() throws Exception {
        OrderId orderId = place(alice, 0);
        callers.signIn(customer(alice));

        mvc.perform(get("/api/orders/{orderId}", orderId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value(orderId.value()))
                .andExpect(jsonPath("$.customerId").value(alice.value()))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.lines[0].productId").value(apples.value()))
                .andExpect(jsonPath("$.lines[0].quantity").value(2))
                .andExpect(jsonPath("$.placedAt").value("2026-11-26T09:00:00Z"));
    }

    @Test
    void getOrder_ofAnotherCustomer_isNotFound() throws Exception {
        OrderId bobsOrder = place(bob, 0);
        callers.signIn(customer(alice));

        mvc.perform(get("/api/orders/{orderId}", bobsOrder)).andExpect(status().isNotFound());
    }

    @Test
    void getOrder_unknownOrMalformed_isNotFound() throws Exception {
        mvc.perform(get("/api/orders/{orderId}", OrderId.random())).andExpect(status().isNotFound());
        mvc.perform(get("/api/orders/{orderId}", "not-a-uuid")).andExpect(status().isNotFound());
    }

    @Test
    void listOrders_asAdmin_answersEveryOrderNewestFirst_orOneCustomersWhenNamed() throws Exception {
        OrderId alicesOrder = place(alice, 0);
        OrderId bobsOrder = place(bob, 1);

        mvc.perform(get("/api/orders"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].orderId").value(contains(bobsOrder.value(), alicesOrder.value())))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/orders").param("customerId", alice.value()).param("status", "PENDING"))
                .andExpect(jsonPath("$.items[*].orderId").value(contains(alicesOrder.value())));
    }

    @Test
    void listOrders_asCustomer_isAlwaysFilteredToTheirOwn() throws Exception {
        OrderId alicesOrder = place(alice, 0);
        place(bob, 1);
        callers.signIn(customer(alice));

        mvc.perform(get("/api/orders"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].orderId").value(contains(alicesOrder.value())))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/orders").param("customerId", alice.value()))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void listOrders_asCustomerNamingAnother_isNotFound() throws Exception {
        place(bob, 0);
        callers.signIn(customer(alice));

        mvc.perform(get("/api/orders").param("customerId", bob.value())).andExpect(status().isNotFound());
    }

    @Test
    void listOrders_asCustomerWithoutACustomer_isAnEmptyPage() throws Exception {
        place(bob, 0);
        callers.signIn(new Caller("nobody", Set.of(Caller.CUSTOMER), null));

        mvc.perform(get("/api/orders"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void listOrders_withBadStatusPageSizeOrCustomerId_isBadRequest() throws Exception {
        mvc.perform(get("/api/orders").param("status", "SHIPPED")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/orders").param("page", "-1")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/orders").param("size", "0")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/orders").param("size", "101")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/orders").param("size", "x")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/orders").param("customerId", "not-a-uuid")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/orders").param("size", "100")).andExpect(status().isOk());
    }

    @Test
    void orderUpdates_streamTheOrderNowThenEachChange_untilItIsTerminal() throws Exception {
        OrderId orderId = place(alice, 0);
        callers.signIn(customer(alice));

        MvcResult streaming = mvc.perform(
                        get("/api/orders/{orderId}/updates", orderId).accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(request().asyncStarted())
                .andReturn();
        assertThat(local.updateEmitter().activeSubscriptions()).hasSize(1);
        deliver.on(new StockReservedEvent(apples, orderId, 2, new BigDecimal("1.50")));
        deliver.on(new OrderAcceptedEvent(orderId, alice, new BigDecimal("3.00")), T0.plusSeconds(5));

        String body = mvc.perform(asyncDispatch(streaming))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> events =
                body.lines().filter(line -> line.startsWith("data:")).toList();
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).contains("\"status\":\"PENDING\"").contains("\"unitPrice\":null");
        assertThat(events.get(1)).contains("\"status\":\"PENDING\"").contains("\"unitPrice\":1.50");
        assertThat(events.get(2)).contains("\"status\":\"ACCEPTED\"").contains("\"total\":3.00");
        assertThat(local.updateEmitter().activeSubscriptions()).isEmpty();
    }

    @Test
    void orderUpdates_ofATerminalOrder_streamItOnceAndComplete() throws Exception {
        OrderId orderId = place(alice, 0);
        deliver.on(new OrderCancelledEvent(orderId, alice), T0.plusSeconds(5));

        MvcResult streaming = mvc.perform(get("/api/orders/{orderId}/updates", orderId))
                .andExpect(request().asyncStarted())
                .andReturn();

        String body =
                mvc.perform(asyncDispatch(streaming)).andReturn().getResponse().getContentAsString();
        assertThat(body.lines().filter(line -> line.startsWith("data:")))
                .singleElement()
                .asString()
                .contains("\"status\":\"CANCELLED\"");
        assertThat(local.updateEmitter().activeSubscriptions()).isEmpty();
    }

    @Test
    void orderUpdates_ofAnUnknownOrAnotherCustomersOrder_isNotFound() throws Exception {
        OrderId bobsOrder = place(bob, 0);
        callers.signIn(customer(alice));

        mvc.perform(get("/api/orders/{orderId}/updates", bobsOrder)).andExpect(status().isNotFound());
        mvc.perform(get("/api/orders/{orderId}/updates", OrderId.random())).andExpect(status().isNotFound());
        assertThat(local.updateEmitter().activeSubscriptions()).isEmpty();
    }

    private OrderId place(CustomerId customerId, int minutesAfterT0) {
        OrderId orderId = OrderId.random();
        deliver.on(
                new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(apples, 2))),
                T0.plusSeconds(60L * minutesAfterT0));
        return orderId;
    }
}
