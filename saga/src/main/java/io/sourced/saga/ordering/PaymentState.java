package io.sourced.saga.ordering;

/** Where the order's payment stands with the customer's account. */
enum PaymentState {
    NOT_ASKED,
    /** AuthorizePayment sent, no answer yet. */
    ASKED,
    AUTHORIZED,
    DECLINED,
    /** Was authorized, then given back because the order is over. */
    REFUNDED
}
