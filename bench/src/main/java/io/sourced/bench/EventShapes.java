package io.sourced.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Events as the application stores them: serialized by Axon's Jackson serializer set up as the application's
 * {@code AxonConfig} sets it up, from the application's own event records, so type, revision, payload and metadata
 * come out as the application would write them.
 */
final class EventShapes {

    /** One row of {@code domainevententry}, the global index left to the table. */
    record StoredEvent(
            String aggregateType,
            String aggregateId,
            long sequence,
            String eventId,
            byte[] metadata,
            byte[] payload,
            String revision,
            String payloadType,
            Instant timestamp) {}

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper()
                    .findAndRegisterModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .lenientDeserialization()
            .build();

    Serializer serializer() {
        return serializer;
    }

    StoredEvent event(
            String aggregateType,
            String aggregateId,
            long sequence,
            Object payload,
            Causation causation,
            Instant timestamp) {
        SerializedObject<byte[]> body = serializer.serialize(payload, byte[].class);
        SerializedObject<byte[]> metadata = serializer.serialize(causation.metaData(), byte[].class);
        return new StoredEvent(
                aggregateType,
                aggregateId,
                sequence,
                causation.eventId(),
                metadata.getData(),
                body.getData(),
                body.getType().getRevision(),
                body.getType().getName(),
                timestamp);
    }

    /** A tracking token at a position of a gap-free log, as the application's token store keeps it. */
    SerializedObject<byte[]> tokenAt(long globalIndex) {
        return serializer.serialize(GapAwareTrackingToken.newInstance(globalIndex, List.of()), byte[].class);
    }

    /**
     * Who and what caused an event, as the application's correlation providers record it: the trace of the
     * request that started it all, the message that caused this one, and the user.
     */
    record Causation(String eventId, String traceId, String correlationId, String username) {

        /** The first event of a trace: caused by the request itself. */
        static Causation start(String username) {
            String trace = UUID.randomUUID().toString();
            return new Causation(UUID.randomUUID().toString(), trace, trace, username);
        }

        /** An event further down the same trace, caused by another message of it. */
        Causation next() {
            return new Causation(
                    UUID.randomUUID().toString(), traceId, UUID.randomUUID().toString(), username);
        }

        MetaData metaData() {
            return MetaData.from(Map.of("traceId", traceId, "correlationId", correlationId, "username", username));
        }
    }
}
