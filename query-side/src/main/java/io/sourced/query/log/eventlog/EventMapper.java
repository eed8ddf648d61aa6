package io.sourced.query.log.eventlog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.springframework.stereotype.Component;

/** Turns an Axon event message into the API's {@link Event}, with the REST layer's JSON (typed ids as bare strings). */
@Component
public class EventMapper {

    private static final RevisionResolver REVISIONS = new AnnotationRevisionResolver();

    private final ObjectMapper json;

    public EventMapper(ObjectMapper json) {
        this.json = exact(json);
    }

    /** The mapper as given, but JSON trees keep an amount's scale: 1.50 stays 1.50, as in the event. */
    public static ObjectMapper exact(ObjectMapper json) {
        return json.copy()
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** The payload type's current revision. */
    static String revisionOf(Class<?> payloadType) {
        return REVISIONS.revisionOf(payloadType);
    }

    public Event toEvent(EventMessage<?> message, long position) {
        String aggregateType = null;
        String aggregateId = null;
        Long sequence = null;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        // the message was upcast on reading: its payload class is the current shape, so is its @Revision
        return new Event(
                position,
                message.getIdentifier(),
                aggregateType,
                aggregateId,
                sequence,
                message.getPayloadType().getSimpleName(),
                revisionOf(message.getPayloadType()),
                message.getTimestamp(),
                json.valueToTree(message.getPayload()),
                json.valueToTree(message.getMetaData()));
    }
}
