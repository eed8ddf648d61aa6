package io.sourced.query;

/**
 * The states of one type of aggregate after each of its events, folded by the fold of its view: what the log shows
 * of an aggregate version by version. Each view that folds an aggregate offers one; the aggregate's type, as the
 * event store records it, says which.
 */
public interface AggregateStates {

    /** The aggregate's type as its events carry it ({@code Order}, {@code Product}, ...). */
    String aggregateType();

    /**
     * The view after each of the aggregate's events whose sequence number follows {@code after}, at most
     * {@code limit} of them, oldest first, each with the view before it; nothing for an unknown aggregate.
     */
    void versions(String aggregateId, long after, int limit, AsOf.Version<Object> each);
}
