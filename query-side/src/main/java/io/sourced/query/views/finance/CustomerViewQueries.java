package io.sourced.query.views.finance;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerView;
import io.sourced.api.finance.FindAllCustomersQuery;
import io.sourced.api.finance.FindCustomerQuery;
import io.sourced.api.finance.FindTransactionsQuery;
import io.sourced.api.finance.TransactionId;
import io.sourced.api.finance.TransactionType;
import io.sourced.api.finance.TransactionView;
import io.sourced.api.ordering.OrderId;
import io.sourced.query.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers customer and ledger queries from the customers view. */
@Component
class CustomerViewQueries {

    private final JdbcTemplate jdbc;

    CustomerViewQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Ask with {@code ResponseTypes.optionalInstanceOf(CustomerView.class)}. */
    @QueryHandler
    Optional<CustomerView> handle(FindCustomerQuery query) {
        return find(query.customerId());
    }

    Optional<CustomerView> find(CustomerId customerId) {
        return jdbc
                .query(
                        "SELECT customer_id, name, balance FROM customer_view WHERE customer_id = ?",
                        CustomerViewQueries::customer,
                        customerId.value())
                .stream()
                .findFirst();
    }

    /** The sequence number of the last account event the view applied; null when it has no row. */
    Long version(CustomerId customerId) {
        return jdbc
                .query(
                        "SELECT version FROM customer_view WHERE customer_id = ?",
                        (rs, i) -> rs.getLong(1),
                        customerId.value())
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** Ask with {@code ResponseTypes.multipleInstancesOf(CustomerView.class)}. */
    @QueryHandler
    List<CustomerView> handle(FindAllCustomersQuery query) {
        return jdbc.query(
                "SELECT customer_id, name, balance FROM customer_view ORDER BY name, customer_id",
                CustomerViewQueries::customer);
    }

    /** Oldest first; ask with {@code ResponseTypes.multipleInstancesOf(TransactionView.class)}. */
    @QueryHandler
    List<TransactionView> handle(FindTransactionsQuery query) {
        return jdbc.query(
                """
                SELECT transaction_id, type, amount, order_id, balance_after, occurred_at, reverses, reversed
                FROM customer_transaction_view
                WHERE customer_id = ? ORDER BY id
                """, CustomerViewQueries::transaction, query.customerId().value());
    }

    private static CustomerView customer(ResultSet rs, int row) throws SQLException {
        return new CustomerView(
                CustomerId.of(rs.getString("customer_id")), rs.getString("name"), rs.getBigDecimal("balance"));
    }

    private static TransactionView transaction(ResultSet rs, int row) throws SQLException {
        String orderId = rs.getString("order_id");
        String transactionId = rs.getString("transaction_id");
        String reverses = rs.getString("reverses");
        return new TransactionView(
                transactionId == null ? null : TransactionId.of(transactionId),
                TransactionType.valueOf(rs.getString("type")),
                rs.getBigDecimal("amount"),
                orderId == null ? null : OrderId.of(orderId),
                rs.getBigDecimal("balance_after"),
                SqlTime.instant(rs, "occurred_at"),
                reverses == null ? null : TransactionId.of(reverses),
                rs.getBoolean("reversed"));
    }
}
