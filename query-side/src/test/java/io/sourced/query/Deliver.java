package io.sourced.query;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * Delivers events to a projector as Axon would: as domain event messages of their aggregate (product,
 * customer account or order, told by the event's package) with the next sequence number of that aggregate.
 */
public final class Deliver {

    private final AnnotationEventHandlerAdapter adapter;
    private final Map<String, Long> sequences = new HashMap<>();

    private Deliver(Object projector) {
        this.adapter = new AnnotationEventHandlerAdapter(projector);
    }

    public static Deliver to(Object projector) {
        return new Deliver(projector);
    }

    public void on(Object event) {
        on(event, Instant.now());
    }

    public void on(Object event, Instant at) {
        handle(message(sequences, event, at));
    }

    /** Handles a message made before (see {@link #messages}). */
    public void handle(EventMessage<?> message) {
        try {
            adapter.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The events as the messages Axon would deliver, each aggregate's numbered from 0, all at one time. */
    public static List<EventMessage<?>> messages(List<?> events, Instant at) {
        Map<String, Long> sequences = new HashMap<>();
        return events.stream()
                .<EventMessage<?>>map(event -> message(sequences, event, at))
                .toList();
    }

    private static EventMessage<?> message(Map<String, Long> sequences, Object event, Instant at) {
        String aggregateId = aggregateIdOf(event);
        long sequence = sequences.merge(aggregateId, 0L, (last, ignored) -> last + 1);
        return new GenericDomainEventMessage<>(
                aggregateTypeOf(event),
                aggregateId,
                sequence,
                event,
                MetaData.emptyInstance(),
                UUID.randomUUID().toString(),
                at);
    }

    private static String aggregateTypeOf(Object event) {
        String context = event.getClass().getPackageName();
        return context.endsWith("inventory") ? "Product" : context.endsWith("finance") ? "CustomerAccount" : "Order";
    }

    private static String aggregateIdOf(Object event) {
        String accessor = switch (aggregateTypeOf(event)) {
            case "Product" -> "productId";
            case "CustomerAccount" -> "customerId";
            default -> "orderId";
        };
        try {
            return event.getClass().getMethod(accessor).invoke(event).toString();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("No " + accessor + " on " + event, e);
        }
    }
}
