package io.sourced.query.views.finance;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerView;
import io.sourced.api.finance.FindAllCustomersQuery;
import io.sourced.api.finance.FindCustomerQuery;
import io.sourced.api.finance.FindTransactionsQuery;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.FundsWithdrawnEvent;
import io.sourced.api.finance.TransactionType;
import io.sourced.api.finance.TransactionView;
import io.sourced.query.Deliver;
import io.sourced.query.LocalQueries;
import io.sourced.query.ViewDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class CustomerViewQueriesTest {

    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    private CustomerViewProjector projector;

    private Deliver deliver;
    private QueryGateway gateway;

    @BeforeEach
    void setUp() {
        JdbcTemplate jdbc = ViewDatabase.migrated();
        projector = new CustomerViewProjector(jdbc);
        deliver = Deliver.to(projector);
        gateway = new LocalQueries().register(new CustomerViewQueries(jdbc)).gateway();
    }

    @Test
    void findCustomer_known_answersIt_unknown_answersEmpty() {
        CustomerId bob = open("Bob");

        Optional<CustomerView> known = gateway.query(
                        new FindCustomerQuery(bob), ResponseTypes.optionalInstanceOf(CustomerView.class))
                .join();
        Optional<CustomerView> unknown = gateway.query(
                        new FindCustomerQuery(CustomerId.random()),
                        ResponseTypes.optionalInstanceOf(CustomerView.class))
                .join();

        assertThat(known).map(CustomerView::name).contains("Bob");
        assertThat(unknown).isEmpty();
    }

    @Test
    void findAllCustomers_answersThemByName() {
        open("Carol");
        open("Alice");
        open("Bob");

        List<CustomerView> all = gateway.query(
                        new FindAllCustomersQuery(), ResponseTypes.multipleInstancesOf(CustomerView.class))
                .join();

        assertThat(all).extracting(CustomerView::name).containsExactly("Alice", "Bob", "Carol");
    }

    @Test
    void findTransactions_answersOnlyThatCustomersLedger_oldestFirst() {
        CustomerId alice = open("Alice");
        CustomerId bob = open("Bob");
        deliver.on(new FundsDepositedEvent(alice, new BigDecimal("10"), new BigDecimal("10"), null), AT);
        deliver.on(new FundsDepositedEvent(bob, new BigDecimal("99"), new BigDecimal("99"), null), AT.plusSeconds(1));
        deliver.on(new FundsWithdrawnEvent(alice, new BigDecimal("4"), new BigDecimal("6"), null), AT.plusSeconds(2));
        deliver.on(new FundsDepositedEvent(alice, new BigDecimal("1"), new BigDecimal("7"), null), AT.plusSeconds(3));

        List<TransactionView> ledger = gateway.query(
                        new FindTransactionsQuery(alice), ResponseTypes.multipleInstancesOf(TransactionView.class))
                .join();

        assertThat(ledger)
                .extracting(TransactionView::type)
                .containsExactly(TransactionType.DEPOSIT, TransactionType.WITHDRAWAL, TransactionType.DEPOSIT);
        assertThat(ledger)
                .extracting(TransactionView::balanceAfter)
                .extracting(BigDecimal::toPlainString)
                .containsExactly("10.00", "6.00", "7.00");
    }

    @Test
    void findTransactions_ofAnUnknownCustomer_answersAnEmptyLedger() {
        List<TransactionView> ledger = gateway.query(
                        new FindTransactionsQuery(CustomerId.random()),
                        ResponseTypes.multipleInstancesOf(TransactionView.class))
                .join();

        assertThat(ledger).isEmpty();
    }

    private CustomerId open(String name) {
        CustomerId customerId = CustomerId.random();
        deliver.on(new AccountOpenedEvent(customerId, name));
        return customerId;
    }
}
