package io.sourced.query.log.consumers;

import io.sourced.query.log.eventlog.Event;
import io.sourced.query.log.eventlog.EventFeed;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The event feed as one consumer is given it: the log read by {@link EventFeed} (its gap rule included), only the
 * consumer's types served, the others read past without a trace, personal fields left out unless granted, and every
 * position encrypted with the consumer's key.
 */
@Component
class ConsumerFeed {

    private final EventFeed log;
    private final ConsumerRegistry registry;
    private final FeedSettings settings;

    ConsumerFeed(EventFeed log, ConsumerRegistry registry, FeedSettings settings) {
        this.log = log;
        this.registry = registry;
        this.settings = settings;
    }

    /**
     * @param after the log position to read after (-1: from the start)
     * @param types the types to serve, among the consumer's
     * @param countEmpty whether a read that serves nothing still counts as the consumer's last read
     */
    Page read(FeedReader reader, long after, int limit, Set<String> types, boolean countEmpty) {
        EventFeed.Scan scan = log.scan(after, limit, settings.scanLimit(), types::contains);
        List<FeedEvent> events =
                scan.events().stream().map(event -> given(reader, event)).toList();
        if (countEmpty || !events.isEmpty()) {
            registry.recordRead(reader.consumerId(), events.size());
        }
        return new Page(events, scan.readUpTo(), FeedCursors.encode(reader.cursorKey(), scan.readUpTo()));
    }

    static FeedEvent given(FeedReader reader, Event event) {
        return new FeedEvent(
                FeedCursors.encode(reader.cursorKey(), event.position()),
                event.eventId(),
                event.aggregateType(),
                event.aggregateId(),
                event.type(),
                event.revision(),
                event.timestamp(),
                reader.personalData() ? event.payload() : PersonalFields.payloadWithout(event.type(), event.payload()),
                reader.personalData() ? event.metadata() : PersonalFields.metadataWithout(event.metadata()));
    }

    /**
     * @param readUpTo the log position the read went up to, served or read past
     * @param next     that position as the consumer is given it: where the next read resumes
     */
    record Page(List<FeedEvent> events, long readUpTo, String next) {}
}
