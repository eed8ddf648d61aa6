-- A view as it was after an aggregate's events up to a sequence number, so that an "as of" read starts from the
-- newest one the instant covers instead of the aggregate's first event. Derived from the event log by the reads
-- themselves; any row may be deleted. latest_nanos is the latest timestamp among those events, in nanoseconds
-- since the epoch: exact, where a timestamp column would round.
CREATE TABLE as_of_checkpoint (
    fold         VARCHAR(64)  NOT NULL,
    aggregate_id VARCHAR(255) NOT NULL,
    sequence     BIGINT       NOT NULL,
    latest_nanos BIGINT       NOT NULL,
    view_json    VARCHAR      NOT NULL,
    PRIMARY KEY (fold, aggregate_id, sequence)
);
