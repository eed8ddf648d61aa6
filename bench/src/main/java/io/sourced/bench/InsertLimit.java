package io.sourced.bench;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.bench.EventShapes.Causation;
import io.sourced.bench.EventShapes.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The database's own limit for appends: clients each inserting one row shaped like an event (an order placed)
 * per transaction, as fast as they can, into the event table of a database the application created and no longer
 * uses (the same table, keys and indexes it appends to).
 */
final class InsertLimit {

    private static final String INSERT = "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type,"
            + " eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Opens a connection of the database under test. */
    interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final StoredEvent shape;

    InsertLimit(Connections connections) {
        this.connections = connections;
        this.shape = new EventShapes()
                .event(
                        "Order",
                        OrderId.random().value(),
                        0,
                        new OrderPlacedEvent(
                                OrderId.random(), CustomerId.random(), List.of(new OrderLine(ProductId.random(), 1))),
                        Causation.start("bench"),
                        Instant.now());
    }

    /** Rows a second inserted by the clients together, one row per transaction. */
    double rowsPerSecond(int clients, Duration duration) throws Exception {
        AtomicLong inserted = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            Thread client = new Thread(
                    () -> {
                        try (Connection connection = connections.open();
                                PreparedStatement insert = connection.prepareStatement(INSERT)) {
                            connection.setAutoCommit(true);
                            while (System.nanoTime() < deadline) {
                                insertOne(insert);
                                inserted.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failure.compareAndSet(null, e);
                        }
                    },
                    "insert-limit-" + i);
            client.start();
            threads.add(client);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return inserted.get() / ((System.nanoTime() - started) / 1e9);
    }

    private void insertOne(PreparedStatement insert) throws SQLException {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setLong(2, shape.sequence());
        insert.setString(3, shape.aggregateType());
        insert.setString(4, UUID.randomUUID().toString());
        insert.setBytes(5, shape.metadata());
        insert.setBytes(6, shape.payload());
        insert.setString(7, shape.revision());
        insert.setString(8, shape.payloadType());
        insert.setString(9, Instant.now().toString());
        insert.executeUpdate();
    }
}
