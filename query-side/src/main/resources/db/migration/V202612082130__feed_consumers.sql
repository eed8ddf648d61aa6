-- Consumers of the event feed: other teams' applications, each with its own bearer token and granted event types.
-- token_hash is the SHA-256 of the token (hex): the token itself is shown once and never stored. cursor_key encrypts
-- the positions handed to the consumer, so that they reveal nothing of the events it is not granted. position is the
-- log position it stored last; read_* count the events served to it, by minute since the epoch, for its rate.
CREATE TABLE feed_consumer (
    consumer_id      VARCHAR(36)              NOT NULL PRIMARY KEY,
    name             VARCHAR(100)             NOT NULL UNIQUE,
    token_hash       VARCHAR(64)              NOT NULL UNIQUE,
    cursor_key       VARCHAR(64)              NOT NULL,
    personal_data    BOOLEAN                  NOT NULL,
    enabled          BOOLEAN                  NOT NULL,
    registered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    position         BIGINT,
    position_at      TIMESTAMP WITH TIME ZONE,
    last_read_at     TIMESTAMP WITH TIME ZONE,
    events_read      BIGINT                   NOT NULL,
    read_minute      BIGINT                   NOT NULL,
    read_in_minute   BIGINT                   NOT NULL,
    read_last_minute BIGINT                   NOT NULL
);
CREATE TABLE feed_consumer_event_type (
    consumer_id VARCHAR(36)  NOT NULL REFERENCES feed_consumer (consumer_id),
    event_type  VARCHAR(100) NOT NULL,
    PRIMARY KEY (consumer_id, event_type)
);
