package io.sourced.bench;

import io.sourced.api.finance.AccountOpenedEvent;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.FundsDepositedEvent;
import io.sourced.api.finance.PaymentAuthorizedEvent;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ReservationConfirmedEvent;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.bench.EventShapes.Causation;
import io.sourced.bench.EventShapes.StoredEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedObject;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A history of accepted single-line orders appended in bulk (PostgreSQL's COPY) to a store the application created:
 * the events the application writes for such an order, in its order, with consistent aggregate sequences, stock
 * and balances, and the CRM answers its reports journaled live. The processors are then set at the new head, as if
 * they had followed the history live.
 */
final class OrderHistory {

    /** Placed, stock reserved, payment authorized, accepted, reservation confirmed. */
    static final int EVENTS_PER_ORDER = 5;

    private static final String USER = "bench-history";
    private static final BigDecimal PRICE = new BigDecimal("1.25");
    private static final int STOCK = 1_000_000_000;
    private static final BigDecimal DEPOSIT = new BigDecimal("100000000.00");
    private static final String[] TIERS = {"GOLD", "SILVER", "BRONZE"};
    private static final int ROWS_PER_WRITE = 5_000;

    private final EventShapes shapes = new EventShapes();
    private final List<Product> products;
    private final List<Customer> customers;
    private final Instant firstEventAt;
    private long eventsWritten;

    private static final class Product {
        final ProductId id = ProductId.random();
        long sequence;
    }

    private static final class Customer {
        final CustomerId id = CustomerId.random();
        long sequence;
        BigDecimal balance = DEPOSIT;
    }

    private OrderHistory(int products, int customers, Instant firstEventAt) {
        this.products = Stream.generate(Product::new).limit(products).toList();
        this.customers = Stream.generate(Customer::new).limit(customers).toList();
        this.firstEventAt = firstEventAt;
    }

    /**
     * Appends products, customers and accepted orders until the store holds at least {@code events} events;
     * answers the number of events it holds then.
     */
    static long fill(Connection connection, long events, int products, int customers) throws SQLException {
        long existing = count(connection);
        long orders =
                Math.max(0, (events - existing - products - 2L * customers + EVENTS_PER_ORDER - 1) / EVENTS_PER_ORDER);
        long toWrite = products + 2L * customers + orders * EVENTS_PER_ORDER;
        // one millisecond apart, ending now: the history is in the past, and in log order
        OrderHistory history =
                new OrderHistory(products, customers, Instant.now().minusMillis(toWrite));
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        // one COPY at a time on a connection: the journal is held until the events are in
        Journal journal = new Journal(connection);
        try (Events log = history.new Events(connection)) {
            history.openShop(log);
            for (long i = 0; i < orders; i++) {
                history.acceptedOrder(i, log, journal);
            }
        }
        journal.close();
        connection.commit();
        connection.setAutoCommit(autoCommit);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE domainevententry");
            statement.execute("ANALYZE external_journal");
        }
        long held = count(connection);
        history.catchUpProcessors(connection, held);
        return held;
    }

    private void openShop(Events log) throws SQLException {
        for (Product product : products) {
            log.append(
                    "Product",
                    product.id.value(),
                    product.sequence++,
                    new ProductRegisteredEvent(
                            product.id, "History product " + product.id.value().substring(0, 8), PRICE, STOCK, "Bench"),
                    Causation.start(USER));
        }
        for (Customer customer : customers) {
            Causation opened = Causation.start(USER);
            log.append(
                    "CustomerAccount",
                    customer.id.value(),
                    customer.sequence++,
                    new AccountOpenedEvent(
                            customer.id,
                            "History customer " + customer.id.value().substring(0, 8)),
                    opened);
            log.append(
                    "CustomerAccount",
                    customer.id.value(),
                    customer.sequence++,
                    new FundsDepositedEvent(customer.id, DEPOSIT, DEPOSIT, null),
                    opened.next());
        }
    }

    private void acceptedOrder(long number, Events log, Journal journal) throws SQLException {
        Product product = products.get((int) (number % products.size()));
        Customer customer = customers.get((int) (number % customers.size()));
        OrderId order = OrderId.random();
        String orderId = order.value();
        Causation placed = Causation.start(USER);
        customer.balance = customer.balance.subtract(PRICE);
        log.append(
                "Order",
                orderId,
                0,
                new OrderPlacedEvent(order, customer.id, List.of(new OrderLine(product.id, 1))),
                placed);
        log.append(
                "Product",
                product.id.value(),
                product.sequence++,
                new StockReservedEvent(product.id, order, 1, PRICE),
                placed.next());
        log.append(
                "CustomerAccount",
                customer.id.value(),
                customer.sequence++,
                new PaymentAuthorizedEvent(customer.id, order, PRICE, customer.balance),
                placed.next());
        Causation accepted = placed.next();
        Instant acceptedAt =
                log.append("Order", orderId, 1, new OrderAcceptedEvent(order, customer.id, PRICE), accepted);
        journal.crmAnswer(accepted.eventId(), customer.id, TIERS[(int) (number % TIERS.length)], acceptedAt);
        log.append(
                "Product",
                product.id.value(),
                product.sequence++,
                new ReservationConfirmedEvent(product.id, order, 1),
                placed.next());
    }

    /** Every processor's token at the head: what the history holds was processed live (the saga's orders ended). */
    private void catchUpProcessors(Connection connection, long head) throws SQLException {
        SerializedObject<byte[]> token = shapes.tokenAt(head);
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE tokenentry SET token = ?, tokentype = ?, owner = NULL")) {
            update.setBytes(1, token.getData());
            update.setString(2, token.getType().getName());
            update.executeUpdate();
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM domainevententry")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** COPY into the event table, in log order: the identity column numbers the rows as they come. */
    private final class Events extends CopyWriter {

        Events(Connection connection) {
            super(
                    connection,
                    "COPY domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,"
                            + " metadata, payload, payloadrevision, payloadtype, timestamp) FROM STDIN",
                    ROWS_PER_WRITE);
        }

        Instant append(String aggregateType, String aggregateId, long sequence, Object payload, Causation causation)
                throws SQLException {
            Instant at = firstEventAt.plusMillis(eventsWritten++);
            StoredEvent event = shapes.event(aggregateType, aggregateId, sequence, payload, causation, at);
            row(
                    event.aggregateId(),
                    Long.toString(event.sequence()),
                    event.aggregateType(),
                    event.eventId(),
                    bytea(event.metadata()),
                    bytea(event.payload()),
                    event.revision(),
                    event.payloadType(),
                    event.timestamp().toString());
            return at;
        }
    }

    /** COPY into the replay-safe gateway's journal: the CRM's answer for each accepted order, as asked live. */
    private static final class Journal extends CopyWriter {

        Journal(Connection connection) {
            super(
                    connection,
                    "COPY external_journal (event_id, system, request, answer, answered_at) FROM STDIN",
                    Integer.MAX_VALUE);
        }

        void crmAnswer(String eventId, CustomerId customer, String tier, Instant at) throws SQLException {
            row(
                    eventId,
                    "crm",
                    "GET /customers/" + customer.value() + "/tier",
                    "{\"tier\":\"" + tier + "\"}",
                    at.plusMillis(1).toString());
        }
    }

    /**
     * Rows in COPY's text format, sent in chunks of {@code rowsPerWrite}; the COPY starts with the first chunk. Values
     * here never hold tabs, new lines or backslashes.
     */
    private abstract static class CopyWriter implements AutoCloseable {

        private final Connection connection;
        private final String sql;
        private final int rowsPerWrite;
        private final StringBuilder rows = new StringBuilder();
        private CopyIn copy;
        private int buffered;

        CopyWriter(Connection connection, String sql, int rowsPerWrite) {
            this.connection = connection;
            this.sql = sql;
            this.rowsPerWrite = rowsPerWrite;
        }

        final void row(String... values) throws SQLException {
            rows.append(String.join("\t", values)).append('\n');
            if (++buffered == rowsPerWrite) {
                flush();
            }
        }

        /** bytea in COPY's text format: {@code \x} and hex digits, the backslash escaped. */
        static String bytea(byte[] bytes) {
            return "\\\\x" + HexFormat.of().formatHex(bytes);
        }

        private void flush() throws SQLException {
            if (copy == null) {
                copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            }
            byte[] chunk = rows.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(chunk, 0, chunk.length);
            rows.setLength(0);
            buffered = 0;
        }

        @Override
        public void close() throws SQLException {
            flush();
            copy.endCopy();
        }
    }
}
