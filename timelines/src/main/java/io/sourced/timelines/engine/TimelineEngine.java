package io.sourced.timelines.engine;

import io.sourced.api.ordering.ReturnRequestedEvent;
import io.sourced.api.rules.BusinessRules;
import io.sourced.saga.ordering.OrderWorkflowSettings;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Runs a what-if timeline: the intents recorded in {@code [from, to)} sent again into a {@link Sandbox} seeded with
 * each aggregate's state at {@code from} and deciding by other rules, and the outcome compared with the log's. It
 * reads the live log twice (the workflow's answers first, then the replay) and writes nothing anywhere.
 */
public final class TimelineEngine {

    /** Told how far a timeline got; answers false to stop it. */
    @FunctionalInterface
    public interface Progress {
        boolean carryOn(double done);
    }

    private static final int REPORT_EVERY = 500;

    private final EventStore live;
    private final Workflows workflows;

    public TimelineEngine(EventStore live, Workflows workflows) {
        this.live = live;
        this.workflows = workflows;
    }

    /** The order workflow's settings, the returns' defaults. */
    public TimelineEngine(EventStore live, OrderWorkflowSettings workflow) {
        this(live, Workflows.of(workflow));
    }

    /**
     * @throws CancellationException when {@code progress} asked to stop
     */
    public TimelineResult run(Instant from, Instant to, BusinessRules rules, Progress progress) {
        return run(from, to, rules, progress, held -> {});
    }

    /** What a timeline still held at its end, besides its figures: the work left open. */
    record Held(
            int storeAggregates, int storeEvents, int logOrders, int timelineOrders, int endsUnmatched, int steps) {}

    TimelineResult run(Instant from, Instant to, BusinessRules rules, Progress progress, Consumer<Held> atTheEnd) {
        Period period = new Period(live, from, to);
        Counterparts counterparts = new Counterparts();
        Set<String> returnedInPeriod = new HashSet<>();
        int events = period.forEach(entry -> {
            counterparts.note(entry);
            if (entry.payload() instanceof ReturnRequestedEvent requested) {
                returnedInPeriod.add(requested.orderId().value());
            }
        });
        carryOn(progress, 0);
        OrderEnds ends = new OrderEnds();
        OutcomeTally actual = new OutcomeTally(ends::actual);
        OutcomeTally whatIf = new OutcomeTally(ends::whatIf);
        VirtualClock clock = new VirtualClock(from);
        Replay replay = new Replay(counterparts);
        try (Sandbox sandbox = new Sandbox(
                live, from, rules, workflows, clock, replay::sent, whatIf::record, returnedInPeriod::contains)) {
            replay.runIn(sandbox, clock);
            period.forEach(entry -> {
                replay.step(entry);
                actual.record(entry.at(), entry.payload());
                if (entry.position() % REPORT_EVERY == REPORT_EVERY - 1) {
                    carryOn(progress, (entry.position() + 1) / (double) Math.max(events, 1));
                }
            });
            replay.finish(to);
            atTheEnd.accept(new Held(
                    sandbox.store().aggregatesHeld(),
                    sandbox.store().eventsHeld(),
                    actual.ordersHeld(),
                    whatIf.ordersHeld(),
                    ends.held(),
                    counterparts.size()));
        }
        return Comparison.of(actual, whatIf, ends, events, replay.intentsRefused());
    }

    private static void carryOn(Progress progress, double done) {
        if (!progress.carryOn(Math.min(done, 1))) {
            throw new CancellationException("the timeline was cancelled");
        }
    }
}
