package io.sourced.timelines.engine;

import io.sourced.api.ordering.AcceptOrderCommand;
import io.sourced.api.ordering.RejectOrderCommand;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Sends the period's intents into the sandbox in log order, and runs each command of the sandbox's saga at the
 * position where its real counterpart was answered (so reservations that raced for the last units are decided in
 * the log's order), or right after what caused it when the log has no counterpart (the timeline diverged). The
 * virtual clock follows the log's time; deadlines fire as it passes them.
 */
final class Replay {

    private final Counterparts counterparts;
    private final Intents intents = new Intents();
    private final Deque<Object> now = new ArrayDeque<>();
    private final Map<Integer, List<Object>> waiting = new HashMap<>();
    private Sandbox sandbox;
    private VirtualClock clock;
    private int position = -1;
    private long intentsRefused;

    Replay(Counterparts counterparts) {
        this.counterparts = counterparts;
    }

    void runIn(Sandbox sandbox, VirtualClock clock) {
        this.sandbox = sandbox;
        this.clock = clock;
    }

    /** A command the sandbox's saga sent. */
    void sent(Object command) {
        int answeredAt = counterparts.positionOf(command);
        if (answeredAt > position) {
            waiting.computeIfAbsent(answeredAt, at -> new ArrayList<>()).add(command);
        } else {
            now.add(command);
        }
    }

    void step(LogEntry entry) {
        passTimeTo(entry.at());
        position = entry.position();
        if (entry.born()) {
            sandbox.bornInPeriod(entry.aggregateId());
        }
        intents.of(entry).ifPresent(intent -> {
            if (sandbox.dispatch(intent).isExceptional()) {
                intentsRefused++;
            }
            runWhatFollows();
        });
        List<Object> due = waiting.remove(position);
        if (due != null) {
            due.forEach(command -> {
                dispatchStep(command);
                runWhatFollows();
            });
        }
        counterparts.passed(entry);
    }

    /** The period's end: deadlines due before it fire; steps answered after it in the log are not run. */
    void finish(Instant to) {
        passTimeTo(to);
        runWhatFollows();
    }

    long intentsRefused() {
        return intentsRefused;
    }

    private void passTimeTo(Instant at) {
        sandbox.deadlines().fireUntil(at, this::runWhatFollows);
        clock.advanceTo(at);
    }

    private void runWhatFollows() {
        while (!now.isEmpty()) {
            dispatchStep(now.poll());
        }
    }

    private void dispatchStep(Object command) {
        var result = sandbox.dispatch(command);
        if (result.isExceptional() && !toAnOrderOver(command, result.exceptionResult())) {
            throw new IllegalStateException(
                    "the workflow's " + command.getClass().getSimpleName() + " failed in the sandbox",
                    result.exceptionResult());
        }
    }

    /**
     * An acceptance or a rejection that came after the order's end: the sandbox forgot the order once it ended (see
     * {@link Sandbox}), and the order would have changed nothing, its first end standing.
     */
    private static boolean toAnOrderOver(Object command, Throwable failure) {
        return (command instanceof AcceptOrderCommand || command instanceof RejectOrderCommand)
                && failure instanceof AggregateNotFoundException;
    }
}
