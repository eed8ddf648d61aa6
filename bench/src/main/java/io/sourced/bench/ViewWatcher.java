package io.sourced.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches the orders view (the {@code order_view} table the API answers from) for the orders placed, over a connection
 * of its own: when each order first showed (polled every few milliseconds: the view lag), and when it first showed a
 * terminal status (polled every quarter second: only the drain waits on it; the orders' end is timed by their events).
 * Only the orders not yet shown, or not yet terminal, are asked for: the watcher must not load the database it
 * measures (polling thousands of pending orders every 5 ms took half a core of PostgreSQL, measured).
 */
final class ViewWatcher implements AutoCloseable {

    static final Duration POLL_PAUSE = Duration.ofMillis(5);
    static final Duration TERMINAL_POLL_PAUSE = Duration.ofMillis(250);
    private static final int CHUNK = 1000;

    private final Connection connection;
    private final PreparedStatement query;
    private final Map<String, Sighting> sightings = new ConcurrentHashMap<>();
    private final Set<String> outstanding = ConcurrentHashMap.newKeySet();
    private final Set<String> unseen = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread poller;
    private volatile boolean open = true;

    /** When an order first showed in the view, and when it first showed its terminal status. */
    static final class Sighting {
        volatile Instant shown;
        volatile Instant terminal;
    }

    ViewWatcher(Connection connection) throws SQLException {
        this.connection = connection;
        this.query = connection.prepareStatement(
                "SELECT " + StatementKind.RUNNER_MARK + " order_id, status FROM order_view WHERE order_id = ANY(?)");
        this.poller = new Thread(this::pollUntilClosed, "view-watcher");
        poller.setDaemon(true);
        poller.start();
    }

    void expect(String orderId) {
        sightings.put(orderId, new Sighting());
        outstanding.add(orderId);
        unseen.add(orderId);
    }

    /** Waits until every expected order shows a terminal status, or the limit passed; true when all did. */
    boolean awaitTerminal(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!outstanding.isEmpty() && System.nanoTime() < deadline) {
            throwIfFailed();
            Thread.sleep(20);
        }
        return outstanding.isEmpty();
    }

    /** The sightings of the orders expected since the last call; the watcher forgets them. */
    Map<String, Sighting> takeSightings() {
        Map<String, Sighting> taken = new HashMap<>(sightings);
        sightings.keySet().removeAll(taken.keySet());
        outstanding.removeAll(taken.keySet());
        unseen.removeAll(taken.keySet());
        return taken;
    }

    @Override
    public void close() throws Exception {
        open = false;
        poller.join();
        connection.close();
        throwIfFailed();
    }

    private void pollUntilClosed() {
        try {
            long lastTerminalPoll = 0;
            while (open) {
                if (System.nanoTime() - lastTerminalPoll >= TERMINAL_POLL_PAUSE.toNanos()) {
                    lastTerminalPoll = System.nanoTime();
                    if (!outstanding.isEmpty()) {
                        poll(new ArrayList<>(outstanding));
                    }
                } else if (!unseen.isEmpty()) {
                    poll(new ArrayList<>(unseen));
                }
                Thread.sleep(POLL_PAUSE.toMillis());
            }
        } catch (Exception e) {
            failure.set(e);
        }
    }

    private void poll(List<String> orderIds) throws SQLException {
        for (int from = 0; from < orderIds.size(); from += CHUNK) {
            List<String> chunk = orderIds.subList(from, Math.min(orderIds.size(), from + CHUNK));
            Instant asked = Instant.now();
            Array ids = connection.createArrayOf("VARCHAR", chunk.toArray());
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    seen(rows.getString(1), rows.getString(2), asked);
                }
            }
        }
    }

    /** The row was there when the query was sent: its time is the query's start, late by at most one poll. */
    private void seen(String orderId, String status, Instant asked) {
        Sighting sighting = sightings.get(orderId);
        if (sighting == null) {
            return;
        }
        if (sighting.shown == null) {
            sighting.shown = asked;
            unseen.remove(orderId);
        }
        if (!"PENDING".equals(status)) {
            sighting.terminal = asked;
            outstanding.remove(orderId);
        }
    }

    private void throwIfFailed() {
        if (failure.get() != null) {
            throw new IllegalStateException("watching the orders view failed", failure.get());
        }
    }
}
