-- What outside systems answered live, per event: a replay reads the answer from here and never asks again.
-- Written in the same transaction as the handler that asked (and its token), so an answer is journaled once.
CREATE TABLE external_journal (
    event_id    VARCHAR(64)              NOT NULL,
    system      VARCHAR(32)              NOT NULL,
    request     VARCHAR                  NOT NULL,
    answer      VARCHAR                  NOT NULL,
    answered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (event_id, system)
);

-- Revenue of accepted orders by the customer's tier when the order was accepted (kept by the reports group).
CREATE TABLE tier_revenue_report (
    tier    VARCHAR(16)    NOT NULL PRIMARY KEY,
    orders  BIGINT         NOT NULL,
    revenue NUMERIC(19, 2) NOT NULL
);
