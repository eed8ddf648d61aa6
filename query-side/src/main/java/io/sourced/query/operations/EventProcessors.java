package io.sourced.query.operations;

import io.sourced.api.operations.DeadLetterView;
import io.sourced.api.operations.ProcessorStatus;
import io.sourced.api.operations.RebuildProgress;
import io.sourced.api.operations.ReplayOutcome;
import io.sourced.api.operations.RetryOutcome;
import io.sourced.api.operations.SegmentClaim;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** What operators may see and do with the event processors: status, replay, dead letters. */
@Component
class EventProcessors {

    private static final int MAX_RETRIES_PER_CALL = 10_000;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final SegmentClaims segmentClaims;
    private final LiveProcessors live;
    private final ViewRebuilds rebuilds;
    private final ProcessingGroups groups;

    EventProcessors(
            EventProcessingConfiguration processing,
            EventStore eventStore,
            SegmentClaims segmentClaims,
            LiveProcessors live,
            ViewRebuilds rebuilds,
            ProcessingGroups groups) {
        this.processing = processing;
        this.groups = groups;
        this.eventStore = eventStore;
        this.segmentClaims = segmentClaims;
        this.live = live;
        this.rebuilds = rebuilds;
    }

    List<ProcessorStatus> statuses() {
        Long head = position(eventStore.createHeadToken());
        Map<String, List<SegmentClaim>> claims = segmentClaims.byProcessor();
        return processing.eventProcessors().values().stream()
                .sorted(Comparator.comparing(EventProcessor::getName))
                .map(processor -> status(processor, head, claims))
                .toList();
    }

    /** The status of the processor of that name, or of the one running the group of that name. */
    Optional<ProcessorStatus> status(String name) {
        return processor(name)
                .map(processor ->
                        status(processor, position(eventStore.createHeadToken()), segmentClaims.byProcessor()));
    }

    /**
     * Rebuilds the processor's views from the first event. Views kept in tables are rebuilt beside the live ones,
     * which keep answering until the rebuilt ones take over at the head of the log; any other replayable processor
     * (one that writes files) is stopped here and on every other replica, its tokens reset, and started again.
     */
    ReplayOutcome replay(String name) {
        Optional<EventProcessor> found = processor(name);
        if (found.isEmpty()) {
            return ReplayOutcome.UNKNOWN;
        }
        if (rebuilds.rebuildable(name)) {
            return rebuilds.start(List.of(name)) ? ReplayOutcome.STARTED : ReplayOutcome.ALREADY_UNDER_WAY;
        }
        if (!(found.get() instanceof StreamingEventProcessor processor) || !processor.supportsReset()) {
            return ReplayOutcome.NOT_REPLAYABLE;
        }
        List<String> names = List.of(processor.getName());
        try {
            if (!live.stopEverywhere(names)) {
                return ReplayOutcome.HELD_ELSEWHERE;
            }
            processor.resetTokens();
            return ReplayOutcome.STARTED;
        } catch (UnableToClaimTokenException e) {
            return ReplayOutcome.HELD_ELSEWHERE;
        } finally {
            live.startEverywhere(names);
        }
    }

    /**
     * Rebuilds the views of these processors (every view kept in tables when none is named) in one reading of the
     * log.
     *
     * @throws ResponseStatusException 400 for a processor that keeps no views in tables
     */
    ReplayOutcome rebuildViews(List<String> names) {
        List<String> unknown =
                names.stream().filter(name -> !rebuilds.rebuildable(name)).toList();
        if (!unknown.isEmpty()) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "Not a processor of views kept in tables: " + String.join(", ", unknown) + "; these are: "
                            + String.join(", ", rebuilds.processors()));
        }
        return rebuilds.start(names.isEmpty() ? rebuilds.processors() : names)
                ? ReplayOutcome.STARTED
                : ReplayOutcome.ALREADY_UNDER_WAY;
    }

    /** Cancels the rebuild of the processor's views under way; false when there is none. */
    boolean cancelReplay(String name) {
        return rebuilds.cancel(name);
    }

    /** Every processing group's dead letters, named after their group. */
    List<DeadLetterView> deadLetters() {
        List<DeadLetterView> letters = new ArrayList<>();
        processing.eventProcessors().keySet().stream()
                .flatMap(processor -> groups.groupsOf(processor).stream())
                .sorted()
                .forEach(group -> processing.deadLetterQueue(group).ifPresent(queue -> collect(group, queue, letters)));
        return letters;
    }

    /**
     * Retries the dead letters of a processing group, or of every group of a processor; empty when none of them has a
     * dead-letter queue.
     */
    Optional<RetryOutcome> retryDeadLetters(String name) {
        List<String> queued = (processing.eventProcessor(name).isPresent() ? groups.groupsOf(name) : List.of(name))
                .stream()
                        .filter(group -> processing.deadLetterQueue(group).isPresent())
                        .toList();
        if (queued.isEmpty()) {
            return Optional.empty();
        }
        int retried = queued.stream().mapToInt(this::retry).sum();
        long remaining = queued.stream().mapToLong(this::deadLettersOf).sum();
        return Optional.of(new RetryOutcome(name, retried, remaining));
    }

    private long deadLettersOf(String group) {
        return processing
                .deadLetterQueue(group)
                .map(SequencedDeadLetterQueue::size)
                .orElse(0L);
    }

    private Optional<EventProcessor> processor(String name) {
        return groups.processorNamed(name).flatMap(processing::eventProcessor);
    }

    /** Processes the processor's parked sequences again, oldest first; answers how many sequences went through. */
    private int retry(String name) {
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor =
                processing.sequencedDeadLetterProcessor(name);
        if (processor.isEmpty()) {
            return 0;
        }
        int retried = 0;
        while (retried < MAX_RETRIES_PER_CALL && processor.get().processAny()) {
            retried++;
        }
        return retried;
    }

    private static void collect(
            String name, SequencedDeadLetterQueue<EventMessage<?>> queue, List<DeadLetterView> into) {
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                EventMessage<?> message = letter.message();
                into.add(new DeadLetterView(
                        name,
                        String.valueOf(sequenceOf(message)),
                        message.getIdentifier(),
                        message.getPayloadType().getSimpleName(),
                        message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null,
                        letter.cause().map(cause -> cause.message()).orElse(null),
                        letter.enqueuedAt(),
                        letter.lastTouched()));
            }
        }
    }

    private static Object sequenceOf(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier()
                : message.getIdentifier();
    }

    private ProcessorStatus status(EventProcessor processor, Long head, Map<String, List<SegmentClaim>> claims) {
        List<String> its = groups.groupsOf(processor.getName());
        long deadLetters = its.stream().mapToLong(this::deadLettersOf).sum();
        String status = !processor.isRunning() ? "STOPPED" : processor.isError() ? "ERROR" : "RUNNING";
        RebuildProgress rebuild = rebuilds.rebuildable(processor.getName())
                ? rebuilds.progress(processor.getName()).orElse(null)
                : null;
        boolean rebuilding = rebuild != null && rebuild.underWay();
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProcessorStatus(
                    processor.getName(),
                    its,
                    "subscribing",
                    0,
                    List.of(),
                    head,
                    head,
                    0L,
                    false,
                    false,
                    status,
                    deadLetters,
                    null);
        }
        Map<Integer, EventTrackerStatus> local = streaming.processingStatus();
        // the segments held here are fresher in memory than in the store; the others only the store knows
        List<SegmentClaim> segments = claims.getOrDefault(processor.getName(), List.of()).stream()
                .map(claim -> local.containsKey(claim.segment())
                        ? claim.progressed(
                                position(local.get(claim.segment()).getTrackingToken()),
                                stillReplaying(local.get(claim.segment())))
                        : claim)
                .toList();
        List<Long> positions = segments.stream().map(SegmentClaim::position).toList();
        Long position = positions.isEmpty() || positions.contains(null)
                ? null
                : positions.stream().min(Long::compare).orElseThrow();
        boolean replaying = segments.stream().anyMatch(SegmentClaim::replaying);
        if (local.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
            status = "ERROR";
        }
        Long lag = head == null ? null : head - (position == null ? -1 : position);
        return new ProcessorStatus(
                processor.getName(),
                its,
                "streaming",
                segments.size(),
                segments,
                position,
                head,
                lag,
                replaying || rebuilding,
                streaming.supportsReset(),
                status,
                deadLetters,
                rebuild);
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
        return SegmentClaims.position(token);
    }
}
