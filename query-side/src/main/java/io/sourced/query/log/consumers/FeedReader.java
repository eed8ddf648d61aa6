package io.sourced.query.log.consumers;

import io.sourced.api.consumers.ConsumerId;
import java.util.Set;

/**
 * An enabled consumer as the feed reads for it: its granted types, whether personal fields are left in, and the key
 * of its positions.
 */
record FeedReader(ConsumerId consumerId, Set<String> eventTypes, boolean personalData, byte[] cursorKey) {

    FeedReader {
        eventTypes = Set.copyOf(eventTypes);
    }
}
