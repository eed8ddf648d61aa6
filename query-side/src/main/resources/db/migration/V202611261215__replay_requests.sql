-- A replay asked of one replica: the others stop the processor while the row stands, so that the asking replica can
-- claim every segment and reset the token; they start it again once the row is gone (or older than a minute).
CREATE TABLE replay_request (
    processor    VARCHAR(255)             NOT NULL PRIMARY KEY,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL
);
