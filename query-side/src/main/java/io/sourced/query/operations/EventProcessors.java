package io.sourced.query.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** What operators may see and do with the event processors: status, replay, dead letters. */
@Component
public class EventProcessors {

    private static final int MAX_RETRIES_PER_CALL = 10_000;

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final EventStore eventStore;

    EventProcessors(EventProcessingConfiguration processing, TokenStore tokenStore, EventStore eventStore) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.eventStore = eventStore;
    }

    public List<ProcessorStatus> statuses() {
        Long head = position(eventStore.createHeadToken());
        return processing.eventProcessors().values().stream()
                .sorted(Comparator.comparing(EventProcessor::getName))
                .map(processor -> status(processor, head))
                .toList();
    }

    public Optional<ProcessorStatus> status(String name) {
        return processing.eventProcessor(name).map(processor -> status(processor, position(eventStore.createHeadToken())));
    }

    /**
     * Rebuilds the processor's views from the first event: stops it, resets its tokens (its reset handlers
     * clear the views it owns) and starts it again. The application keeps serving meanwhile.
     */
    public ReplayOutcome replay(String name) {
        Optional<EventProcessor> found = processing.eventProcessor(name);
        if (found.isEmpty()) {
            return ReplayOutcome.UNKNOWN;
        }
        if (!(found.get() instanceof StreamingEventProcessor processor) || !processor.supportsReset()) {
            return ReplayOutcome.NOT_REPLAYABLE;
        }
        try {
            processor.shutdownAsync().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop processor " + name + " for a replay", e);
        }
        processor.resetTokens();
        processor.start();
        return ReplayOutcome.STARTED;
    }

    public enum ReplayOutcome { STARTED, UNKNOWN, NOT_REPLAYABLE }

    public List<DeadLetterView> deadLetters() {
        List<DeadLetterView> letters = new ArrayList<>();
        processing.eventProcessors().keySet().stream().sorted().forEach(name ->
                processing.deadLetterQueue(name).ifPresent(queue -> collect(name, queue, letters)));
        return letters;
    }

    public boolean hasDeadLetterQueue(String name) {
        return processing.deadLetterQueue(name).isPresent();
    }

    /** Processes the processor's parked sequences again, oldest first; answers how many sequences went through. */
    public int retry(String name) {
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor = processing.sequencedDeadLetterProcessor(name);
        if (processor.isEmpty()) {
            return 0;
        }
        int retried = 0;
        while (retried < MAX_RETRIES_PER_CALL && processor.get().processAny()) {
            retried++;
        }
        return retried;
    }

    private static void collect(String name, SequencedDeadLetterQueue<EventMessage<?>> queue, List<DeadLetterView> into) {
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                EventMessage<?> message = letter.message();
                into.add(new DeadLetterView(name, String.valueOf(sequenceOf(message)), message.getIdentifier(),
                        message.getPayloadType().getSimpleName(),
                        message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null,
                        letter.cause().map(cause -> cause.message()).orElse(null),
                        letter.enqueuedAt(), letter.lastTouched()));
            }
        }
    }

    private static Object sequenceOf(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : message.getIdentifier();
    }

    private ProcessorStatus status(EventProcessor processor, Long head) {
        long deadLetters = processing.deadLetterQueue(processor.getName()).map(q -> q.size()).orElse(0L);
        String status = !processor.isRunning() ? "STOPPED" : processor.isError() ? "ERROR" : "RUNNING";
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProcessorStatus(processor.getName(), "subscribing", 0, head, head, 0L, false, false, status,
                    deadLetters);
        }
        List<EventTrackerStatus> segments = List.copyOf(streaming.processingStatus().values());
        List<Long> positions = segments.stream().map(segment -> position(segment.getTrackingToken())).toList();
        Long position = positions.isEmpty() || positions.contains(null)
                ? null : positions.stream().min(Long::compare).orElseThrow();
        boolean replaying = segments.stream().anyMatch(EventProcessors::stillReplaying);
        if (segments.stream().anyMatch(EventTrackerStatus::isErrorState)) {
            status = "ERROR";
        }
        Long lag = head == null ? null : head - (position == null ? -1 : position);
        return new ProcessorStatus(processor.getName(), "streaming", tokenStore.fetchSegments(processor.getName()).length,
                position, head, lag, replaying, streaming.supportsReset(), status, deadLetters);
    }

    /**
     * Axon leaves a segment in replay until an event newer than the reset point arrives; for operators a segment
     * that has reprocessed everything up to the reset point is done.
     */
    private static boolean stillReplaying(EventTrackerStatus segment) {
        if (!segment.isReplaying()) {
            return false;
        }
        OptionalLong reset = segment.getResetPosition();
        OptionalLong current = segment.getCurrentPosition();
        return reset.isEmpty() || current.isEmpty() || current.getAsLong() < reset.getAsLong();
    }

    private static Long position(TrackingToken token) {
        if (token == null) {
            return null;
        }
        OptionalLong position = token.position();
        return position.isPresent() ? position.getAsLong() : null;
    }
}
