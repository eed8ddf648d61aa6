package io.sourced.query.log.eventlog;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pages of the event log, read through Axon's API; the one SQL query on its table asks the age of an event behind a
 * missing position. A page holds the events after a position, in log order, without waiting for more.
 * <p>
 * With an {@link EventStorageEngine} (the JDBC event store) each page reads the storage afresh: the embedded event
 * store's {@code openStream} may instead hand out its shared tail cache, whose tokens carry the gaps its own reader
 * saw earlier — a gap filled since then would show up as stepped over, and its event would be missed. Without
 * an engine (Axon Server: no gaps, positions from 0) the event store's stream is read from a
 * {@link GlobalSequenceTrackingToken}, the only token Axon Server takes, up to the head seen when the page began:
 * its events arrive asynchronously, so "nothing available yet" is waited out while the head is not reached.
 * <p>
 * A missing position is judged by {@link GapRule} on the database's clock ({@link RecordedAges}): a reader that
 * resumes after a position misses a committed event only when its transaction committed more than the gap timeout
 * after a later-positioned one began (docs/architecture.md).
 */
@Component
public class EventFeed {

    /** How long a stream from the event store (Axon Server) may take to deliver an event known to exist. */
    static final Duration HEAD_WAIT = Duration.ofSeconds(5);

    /** Axon Server leaves no position missing: a position its stream passes over is not coming. */
    static final LongFunction<Duration> NO_GAPS = position -> ChronoUnit.FOREVER.getDuration();

    private final EventStore eventStore;
    private final EventStorageEngine storageEngine;
    private final EventMapper mapper;
    private final Duration gapTimeout;
    private final LongFunction<Duration> ages;

    @Autowired
    EventFeed(
            EventStore eventStore,
            ObjectProvider<EventStorageEngine> storageEngine,
            EventMapper mapper,
            EventLogSettings settings,
            JdbcTemplate jdbc) {
        this(eventStore, storageEngine.getIfUnique(), mapper, settings.gapTimeout(), new RecordedAges(jdbc));
    }

    private EventFeed(
            EventStore eventStore,
            EventStorageEngine storageEngine,
            EventMapper mapper,
            Duration gapTimeout,
            RecordedAges ages) {
        this(eventStore, storageEngine, mapper, gapTimeout, storageEngine == null ? NO_GAPS : ages::of);
    }

    EventFeed(
            EventStore eventStore,
            EventStorageEngine storageEngine,
            EventMapper mapper,
            Duration gapTimeout,
            LongFunction<Duration> ages) {
        this.eventStore = eventStore;
        this.storageEngine = storageEngine;
        this.mapper = mapper;
        this.gapTimeout = gapTimeout;
        this.ages = ages;
    }

    /** Up to {@code limit} events after position {@code after} (negative: from the start of the log). */
    List<Event> page(long after, int limit) {
        return scan(after, limit, Integer.MAX_VALUE, type -> true).events();
    }

    /**
     * Up to {@code limit} events of the types {@code types} accepts after position {@code after}, reading at most
     * {@code scanLimit} events of the log: the events of other types are read past, not served, and the scan says how
     * far it read, so that a reader of a few types resumes after them instead of reading them again.
     */
    public Scan scan(long after, int limit, int scanLimit, Predicate<String> types) {
        TrackingToken start = after < 0
                ? null
                : storageEngine != null
                        ? GapAwareTrackingToken.newInstance(after, Set.of())
                        : new GlobalSequenceTrackingToken(after);
        List<Event> page = new ArrayList<>();
        long previous = after;
        int read = 0;
        TrackingToken previousToken = start;
        try (Events events = open(start)) {
            while (page.size() < limit && read < scanLimit && events.hasNext()) {
                TrackedEventMessage<?> next = events.next();
                long position = LogPositions.of(previousToken, next.trackingToken());
                previousToken = next.trackingToken();
                GapRule.Verdict verdict = GapRule.judge(previous, position, ages, gapTimeout);
                if (verdict == GapRule.Verdict.STOP) {
                    break;
                }
                if (verdict == GapRule.Verdict.SERVE) {
                    read++;
                    previous = position;
                    if (types.test(next.getPayloadType().getSimpleName())) {
                        page.add(mapper.toEvent(next, position));
                    }
                }
            }
        }
        return new Scan(page, previous);
    }

    /**
     * What a scan served, and the last position it read (served or read past; {@code after} when it read nothing):
     * the next scan resumes after it.
     */
    public record Scan(List<Event> events, long readUpTo) {}

    private Events open(TrackingToken start) {
        if (storageEngine != null) {
            Stream<? extends TrackedEventMessage<?>> stream = storageEngine.readEvents(start, false);
            return new Events(stream.iterator(), stream::close);
        }
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(start);
        return new Events(
                new Iterator<>() {
                    private long last = start == null ? -1 : LogPositions.positionOf(start);

                    @Override
                    public boolean hasNext() {
                        try {
                            return last < head
                                    && stream.hasNextAvailable((int) HEAD_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return false;
                        }
                    }

                    @Override
                    public TrackedEventMessage<?> next() {
                        try {
                            TrackedEventMessage<?> next = stream.nextAvailable();
                            last = LogPositions.positionOf(next.trackingToken());
                            return next;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new NoSuchElementException("Interrupted while reading the event log");
                        }
                    }
                },
                stream::close);
    }

    /** The events available now, without waiting; closing releases the underlying stream. */
    private record Events(Iterator<? extends TrackedEventMessage<?>> iterator, Runnable closer)
            implements AutoCloseable {

        boolean hasNext() {
            return iterator.hasNext();
        }

        TrackedEventMessage<?> next() {
            return iterator.next();
        }

        @Override
        public void close() {
            closer.run();
        }
    }
}
