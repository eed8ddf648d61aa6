-- Views rebuilt beside the live ones (schema "rebuild", migrated with the same scripts as the live views) and switched
-- in at the head of the log. One row per processor being rebuilt or last rebuilt: its progress, and a cancel asked by
-- any replica. updated_at is the rebuilding replica's heartbeat.
CREATE TABLE view_rebuild (
    processor        VARCHAR(255)             NOT NULL PRIMARY KEY,
    rebuild_id       VARCHAR(36)              NOT NULL,
    replica          VARCHAR(255)             NOT NULL,
    state            VARCHAR(16)              NOT NULL,
    done             BIGINT                   NOT NULL,
    total            BIGINT                   NOT NULL,
    events_per_second DOUBLE PRECISION         NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    cancel_requested BOOLEAN                  NOT NULL,
    failure          VARCHAR(1000)
);
