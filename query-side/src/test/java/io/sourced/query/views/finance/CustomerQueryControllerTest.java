package io.sourced.query.views.finance;

import static io.sourced.query.CallerArgumentResolver.admin;
import static io.sourced.query.CallerArgumentResolver.customer;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.query.CallerArgumentResolver;
import io.sourced.query.ControllerMvc;
import io.sourced.query.Deliver;
import io.sourced.query.LocalQueries;
import io.sourced.query.ViewDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

class CustomerQueryControllerTest {

    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    private final CustomerId alice = CustomerId.random();
    private final CustomerId bob = CustomerId.random();
    private final OrderId orderId = OrderId.random();
    private final CallerArgumentResolver callers = new CallerArgumentResolver();
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        JdbcTemplate jdbc = ViewDatabase.migrated();
        CustomerViewProjector projector = new CustomerViewProjector(jdbc);
        Deliver deliver = Deliver.to(projector);
        deliver.on(new AccountOpenedEvent(alice, "Alice"));
        deliver.on(new AccountOpenedEvent(bob, "Bob"));
        deliver.on(new FundsDepositedEvent(alice, new BigDecimal("20"), new BigDecimal("20"), null), AT);
        deliver.on(
                new PaymentAuthorizedEvent(alice, orderId, new BigDecimal("12.5"), new BigDecimal("7.5")),
                AT.plusSeconds(1));
        mvc = ControllerMvc.of(
                new CustomerQueryController(new LocalQueries()
                        .register(new CustomerViewQueries(jdbc))
                        .gateway()),
                callers);
    }

    @Test
    void listCustomers_asAdmin_answersEveryCustomerByName() throws Exception {
        callers.signIn(admin());

        mvc.perform(get("/api/customers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name").value(contains("Alice", "Bob")));
    }

    @Test
    void listCustomers_asCustomer_isForbidden() throws Exception {
        callers.signIn(customer(alice));

        mvc.perform(get("/api/customers")).andExpect(status().isForbidden());
    }

    @Test
    void getCustomer_own_answersTheBalance() throws Exception {
        callers.signIn(customer(alice));

        mvc.perform(get("/api/customers/{customerId}", alice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(alice.value()))
                .andExpect(jsonPath("$.name").value("Alice"))
                .andExpect(jsonPath("$.balance").value(7.5));
    }

    @Test
    void getCustomer_anotherAsCustomer_unknownOrMalformed_isNotFound() throws Exception {
        callers.signIn(customer(alice));
        mvc.perform(get("/api/customers/{customerId}", bob)).andExpect(status().isNotFound());
        mvc.perform(get("/api/customers/{customerId}/transactions", bob)).andExpect(status().isNotFound());

        callers.signIn(admin());
        mvc.perform(get("/api/customers/{customerId}", CustomerId.random())).andExpect(status().isNotFound());
        mvc.perform(get("/api/customers/{customerId}/transactions", CustomerId.random()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/customers/{customerId}", "alice")).andExpect(status().isNotFound());
    }

    @Test
    void getTransactions_own_answersTheLedgerOldestFirst() throws Exception {
        callers.signIn(customer(alice));

        mvc.perform(get("/api/customers/{customerId}/transactions", alice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].type").value(contains("DEPOSIT", "PAYMENT")))
                .andExpect(jsonPath("$[0].orderId").doesNotExist())
                .andExpect(jsonPath("$[1].orderId").value(orderId.value()))
                .andExpect(jsonPath("$[1].amount").value(12.5))
                .andExpect(jsonPath("$[1].balanceAfter").value(7.5))
                .andExpect(jsonPath("$[1].at").value("2026-11-26T12:00:01Z"));
    }

    @Test
    void getTransactions_ofAnotherCustomer_asAdmin_answersTheirLedger() throws Exception {
        callers.signIn(admin());

        mvc.perform(get("/api/customers/{customerId}/transactions", bob))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());
    }
}
