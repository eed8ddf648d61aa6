package io.sourced.saga.ordering;

/** What the saga knows of the order itself; the order aggregate decides, the saga only asks and listens. */
enum OrderProgress {
    PENDING,
    /** RejectOrder sent; the order's terminal event has not arrived yet. */
    REJECTION_ASKED,
    /** OrderAccepted, OrderRejected or OrderCancelled seen. */
    OVER
}
