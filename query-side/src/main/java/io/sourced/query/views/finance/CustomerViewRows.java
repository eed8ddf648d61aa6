package io.sourced.query.views.finance;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerView;
import io.sourced.api.finance.TransactionView;
import io.sourced.query.FoldedRows;
import io.sourced.query.JdbcBatch;
import io.sourced.query.SqlTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/** Writes {@code customer_view} and the ledger {@code customer_transaction_view}. */
final class CustomerViewRows {

    /** A customer's ledger entry. */
    record LedgerEntry(CustomerId customerId, TransactionView transaction) {}

    private static final String INSERT = """
            INSERT INTO customer_view (customer_id, name, balance, version)
            VALUES (:customerId, :name, :balance, :version)""";
    private static final String UPDATE = """
            UPDATE customer_view SET name = :name, balance = :balance, version = :version
            WHERE customer_id = :customerId""";
    private static final String INSERT_LEDGER_ENTRY = """
            INSERT INTO customer_transaction_view (customer_id, transaction_id, type, amount, order_id, balance_after,
                occurred_at, reverses, reversed)
            VALUES (:customerId, :transactionId, :type, :amount, :orderId, :balanceAfter, :occurredAt, :reverses, FALSE)""";
    private static final String MARK_REVERSED = """
            UPDATE customer_transaction_view SET reversed = TRUE
            WHERE customer_id = :customerId AND transaction_id = :reverses""";

    private final NamedParameterJdbcTemplate jdbc;

    CustomerViewRows(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * The customers changed, then the new ledger entries, then the deposits the new reversals take back (inserted
     * first, should the deposit be of the same batch): one JDBC batch per statement.
     */
    void save(FoldedRows<CustomerId, CustomerView> customers, List<LedgerEntry> ledger) {
        customers.write(jdbc, INSERT, UPDATE, CustomerViewRows::customerRow);
        JdbcBatch.of(INSERT_LEDGER_ENTRY, CustomerViewRows::ledgerRow)
                .addAll(ledger)
                .write(jdbc);
        JdbcBatch.of(MARK_REVERSED, CustomerViewRows::ledgerRow)
                .addAll(ledger.stream()
                        .filter(entry -> entry.transaction().reverses() != null)
                        .toList())
                .write(jdbc);
    }

    void clear() {
        jdbc.getJdbcTemplate().update("DELETE FROM customer_transaction_view");
        jdbc.getJdbcTemplate().update("DELETE FROM customer_view");
    }

    private static SqlParameterSource customerRow(CustomerId customerId, FoldedRows.Changed<CustomerView> changed) {
        CustomerView view = changed.row();
        return new MapSqlParameterSource()
                .addValue("customerId", customerId.value())
                .addValue("name", view.name())
                .addValue("balance", view.balance())
                .addValue("version", changed.version());
    }

    private static SqlParameterSource ledgerRow(LedgerEntry entry) {
        TransactionView transaction = entry.transaction();
        return new MapSqlParameterSource()
                .addValue("customerId", entry.customerId().value())
                .addValue("transactionId", transaction.transactionId().value())
                .addValue(
                        "reverses",
                        transaction.reverses() == null
                                ? null
                                : transaction.reverses().value())
                .addValue("type", transaction.type().name())
                .addValue("amount", transaction.amount())
                .addValue(
                        "orderId",
                        transaction.orderId() == null
                                ? null
                                : transaction.orderId().value())
                .addValue("balanceAfter", transaction.balanceAfter())
                .addValue("occurredAt", SqlTime.of(transaction.at()));
    }
}
