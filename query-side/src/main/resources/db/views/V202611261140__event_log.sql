-- An index of the event log for the audit trail of one aggregate and the trace of one order; kept by the
-- event-log processing group. The event store stays the source of truth (the feed reads it, not this).
CREATE TABLE event_log_view (
    position       BIGINT                   NOT NULL PRIMARY KEY,
    event_id       VARCHAR(64)              NOT NULL UNIQUE,
    aggregate_type VARCHAR(255),
    aggregate_id   VARCHAR(255),
    sequence       BIGINT,
    type           VARCHAR(255)             NOT NULL,
    revision       VARCHAR(64),
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    payload        VARCHAR                  NOT NULL,
    metadata       VARCHAR                  NOT NULL,
    trace_id       VARCHAR(64),
    correlation_id VARCHAR(64),
    username       VARCHAR(255),
    order_id       VARCHAR(36),
    customer_id    VARCHAR(36)
);
CREATE INDEX event_log_view_aggregate ON event_log_view (aggregate_id, sequence);
CREATE INDEX event_log_view_trace ON event_log_view (trace_id, position);
CREATE INDEX event_log_view_order ON event_log_view (order_id);
