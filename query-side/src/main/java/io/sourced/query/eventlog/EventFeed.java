package io.sourced.query.eventlog;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Pages of the event log, read from the event store through Axon's API (never by SQL on its tables, so the same
 * code serves Axon Server). A page holds the events after a position, in log order, without waiting for more.
 */
@Component
class EventFeed {

    private final EventStore eventStore;
    private final EventMapper mapper;
    private final Duration gapTimeout;
    private final Clock clock;

    @Autowired
    EventFeed(EventStore eventStore, EventMapper mapper, EventLogSettings settings) {
        this(eventStore, mapper, settings.gapTimeout(), Clock.systemUTC());
    }

    EventFeed(EventStore eventStore, EventMapper mapper, Duration gapTimeout, Clock clock) {
        this.eventStore = eventStore;
        this.mapper = mapper;
        this.gapTimeout = gapTimeout;
        this.clock = clock;
    }

    /** Up to {@code limit} events after position {@code after} (negative: from the start of the log). */
    List<Event> page(long after, int limit) {
        TrackingToken start = after < 0 ? null : GapAwareTrackingToken.newInstance(after, Set.of());
        Instant now = clock.instant();
        List<Event> page = new ArrayList<>();
        long previous = after;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(start)) {
            while (page.size() < limit && stream.hasNextAvailable()) {
                TrackedEventMessage<?> next = stream.nextAvailable();
                long position = positionOf(next.trackingToken());
                GapRule.Verdict verdict = GapRule.judge(previous, position, gapsOf(next.trackingToken()),
                        next.getTimestamp(), now, gapTimeout);
                if (verdict == GapRule.Verdict.STOP) {
                    break;
                }
                if (verdict == GapRule.Verdict.SERVE) {
                    page.add(mapper.toEvent(next, position));
                    previous = position;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event log", e);
        }
        return page;
    }

    static long positionOf(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("A token without a position: " + token));
    }

    private static Collection<Long> gapsOf(TrackingToken token) {
        return WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken gapAware
                ? gapAware.getGaps() : Set.of();
    }
}
