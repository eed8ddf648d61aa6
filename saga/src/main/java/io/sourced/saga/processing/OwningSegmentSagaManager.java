package io.sourced.saga.processing;

import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.AssociationValue;

/**
 * Handles an event only in the segment that owns its association value: the segment in which Axon starts a saga for
 * that value. Axon's own manager looks the association up in every segment and keeps the sagas whose id falls in the
 * segment, so each segment pays a database lookup for every event although only one of them handles it.
 * <p>
 * In the owning segment every saga found by the association is handled, whatever segment its id falls in: once the
 * segments are split or merged, a saga's id and its association value may fall in different segments, and the saga
 * must still be handled once. New sagas still get an id in their owning segment, so that a replica going by the id
 * (an older version, during a rolling upgrade) picks the same segment as long as the segments stay as they are.
 * <p>
 * Deadlines reach a saga by its scope, not by a segment: {@link #send} is Axon's own.
 */
public class OwningSegmentSagaManager<T> extends AnnotatedSagaManager<T> {

    public OwningSegmentSagaManager(AnnotatedSagaManager.Builder<T> builder) {
        super(builder);
    }

    /** False in the other segments, so that their processor threads do not even open work for the event. */
    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        return super.canHandle(event, segment) && owns(segment, event);
    }

    @Override
    public void handle(EventMessage<?> event, Segment segment) throws Exception {
        if (owns(segment, event)) {
            super.handle(event, segment);
        }
    }

    /** Only ever asked in the segment that owns the event, where every saga associated with it is handled. */
    @Override
    protected boolean matchesSegment(Segment segment, String sagaId) {
        return true;
    }

    @Override
    protected String createSagaIdentifier(Segment segment) {
        return Stream.generate(IdentifierFactory.getInstance()::generateIdentifier)
                .filter(segment::matches)
                .findFirst()
                .orElseThrow();
    }

    private boolean owns(Segment segment, EventMessage<?> event) {
        Set<AssociationValue> values = extractAssociationValues(event);
        if (values.size() > 1) {
            // sagas found by two values could fall in two segments, and each would handle them all
            throw new IllegalStateException("A saga event must carry one association value, not " + values);
        }
        return values.stream().allMatch(segment::matches);
    }
}
