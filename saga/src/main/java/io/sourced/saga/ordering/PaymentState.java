package io.sourced.saga.ordering;

/** Where the order's payment stands with the customer's account. */
enum PaymentState {
    NOT_ASKED,
    /** AuthorizePayment sent, no answer yet. */
    ASKED,
    AUTHORIZED,
    DECLINED,
    /** Was authorized, then given back because the order is over. */
    REFUNDED;

    /**
     * Whether an answer from the account is still to come. NOT_ASKED counts: a step that sent AuthorizePayment may
     * have rolled back after the command went through (a replica dying before its batch committed, a deadline in
     * between), and its answer then finds the saga as it was before asking. Ignoring it would hold money forever.
     */
    boolean awaitsAnswer() {
        return this == NOT_ASKED || this == ASKED;
    }
}
