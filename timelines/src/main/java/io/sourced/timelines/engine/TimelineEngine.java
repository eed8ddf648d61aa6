package io.sourced.timelines.engine;

import io.sourced.api.rules.BusinessRules;
import io.sourced.saga.ordering.OrderWorkflowSettings;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Runs a what-if timeline: the intents recorded in {@code [from, to)} sent again into a {@link Sandbox} seeded with
 * each aggregate's state at {@code from} and deciding by other rules, and the outcome compared with the log's. It
 * reads the live log and writes nothing anywhere.
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
        Period period = new Period(live, from, to);
        Counterparts counterparts = new Counterparts();
        OutcomeTally actual = new OutcomeTally();
        int events = period.forEach(entry -> {
            counterparts.note(entry);
            actual.record(entry.at(), entry.payload());
        });
        carryOn(progress, 0);
        OutcomeTally whatIf = new OutcomeTally();
        VirtualClock clock = new VirtualClock(from);
        Replay replay = new Replay(counterparts);
        try (Sandbox sandbox = new Sandbox(live, from, rules, workflows, clock, replay::sent, whatIf::record)) {
            replay.runIn(sandbox, clock);
            period.forEach(entry -> {
                replay.step(entry);
                if (entry.position() % REPORT_EVERY == REPORT_EVERY - 1) {
                    carryOn(progress, (entry.position() + 1) / (double) Math.max(events, 1));
                }
            });
            replay.finish(to);
        }
        return Comparison.of(actual, whatIf, events, replay.intentsRefused());
    }

    private static void carryOn(Progress progress, double done) {
        if (!progress.carryOn(Math.min(done, 1))) {
            throw new CancellationException("the timeline was cancelled");
        }
    }
}
