package io.sourced.app.axon;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC event store, except that an event read by a processor has its timestamp parsed once, by
 * {@link EventTimestamps}: Axon's entries parse the stored text with a {@code DateTimeFormatter} each time they are
 * asked, once for the gap check here and once more for the message, and that was a third of a replay's CPU (JFR).
 * The tracking token is advanced exactly as Axon does it.
 */
final class OnceParsedTimestampsStorageEngine extends JdbcEventStorageEngine {

    private final GapSettings gaps;

    /** What the builder was given about gaps: Axon keeps its copies private. */
    record GapSettings(int gapTimeoutMillis, int maxGapOffset, long lowestGlobalSequence) {

        static final GapSettings AXON_DEFAULTS = new GapSettings(60_000, 10_000, 1);

        Builder applyTo(Builder builder) {
            return builder.gapTimeout(gapTimeoutMillis)
                    .maxGapOffset(maxGapOffset)
                    .lowestGlobalSequence(lowestGlobalSequence);
        }
    }

    OnceParsedTimestampsStorageEngine(Builder builder, GapSettings gaps) {
        super(gaps.applyTo(builder));
        this.gaps = gaps;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalIndex = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        OnceParsedEntry<?> event = new OnceParsedEntry<>(
                resultSet.getString(schema.typeColumn()),
                // an event not applied by an aggregate is stored with its own identifier as the aggregate's
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier,
                String.valueOf(readTimeStamp(resultSet, schema.timestampColumn())),
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
        return new TrackedDomainEventData<>(tokenAt(globalIndex, event.getTimestamp(), previousToken), event);
    }

    private GapAwareTrackingToken tokenAt(long globalIndex, Instant timestamp, GapAwareTrackingToken previous) {
        // below a recent event a gap may still fill (a transaction committing late); below an old one it never will
        boolean gapsMayFill =
                timestamp.isAfter(GenericEventMessage.clock.instant().minusMillis(gaps.gapTimeoutMillis()));
        if (previous == null) {
            SortedSet<Long> below = gapsMayFill
                    ? LongStream.range(Math.min(gaps.lowestGlobalSequence(), globalIndex), globalIndex)
                            .boxed()
                            .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet();
            return GapAwareTrackingToken.newInstance(globalIndex, below);
        }
        GapAwareTrackingToken advanced = previous.advanceTo(globalIndex, gaps.maxGapOffset());
        return gapsMayFill ? advanced : advanced.withGapsTruncatedAt(globalIndex);
    }

    /** A stored event whose timestamp is parsed as it is read, once. */
    private static final class OnceParsedEntry<T> extends GenericDomainEventEntry<T> {

        private final Instant timestamp;

        OnceParsedEntry(
                String type,
                String aggregateIdentifier,
                long sequenceNumber,
                String eventIdentifier,
                String storedTimestamp,
                String payloadType,
                String payloadRevision,
                T payload,
                T metaData) {
            super(
                    type,
                    aggregateIdentifier,
                    sequenceNumber,
                    eventIdentifier,
                    storedTimestamp,
                    payloadType,
                    payloadRevision,
                    payload,
                    metaData);
            this.timestamp = EventTimestamps.parse(storedTimestamp);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }
}
