-- What the data-lake feed has written, kept by the data-lake processing group in the same transaction as its
-- token: every event it wrote (by position, to infer a late-committing event's position and to write each event
-- once) and every file (a file is published only once its row is committed; a file without a row is deleted).
CREATE TABLE lake_event (
    position BIGINT       NOT NULL PRIMARY KEY,
    event_id VARCHAR(255) NOT NULL UNIQUE
);
CREATE TABLE lake_file (
    file_name      VARCHAR(512) NOT NULL PRIMARY KEY,
    first_position BIGINT       NOT NULL,
    last_position  BIGINT       NOT NULL,
    event_count    INT          NOT NULL
);
