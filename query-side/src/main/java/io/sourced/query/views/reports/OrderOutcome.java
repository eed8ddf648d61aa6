package io.sourced.query.views.reports;

import io.sourced.api.ordering.RejectionReason;

/** How an order ended, as the funnel counts it; stored by name in {@code order_timing_report.outcome}. */
enum OrderOutcome {
    ACCEPTED,
    OUT_OF_STOCK,
    PAYMENT_DECLINED,
    TIMEOUT,
    CANCELLED;

    static OrderOutcome rejected(RejectionReason reason) {
        return switch (reason) {
            case OUT_OF_STOCK -> OUT_OF_STOCK;
            case PAYMENT_DECLINED -> PAYMENT_DECLINED;
            case TIMEOUT -> TIMEOUT;
        };
    }
}
