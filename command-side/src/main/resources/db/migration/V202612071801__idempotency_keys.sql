-- The idempotency keys of commands sent over the API, each kept for sourced.idempotency.retention. key_hash is the
-- SHA-256 of the key's scope (the caller, and the customer or product acted on) and the key itself, so no text a
-- caller chose is stored; request_hash that of the request it was first used for.
CREATE TABLE idempotency_key (
    key_hash     VARCHAR(64)              NOT NULL PRIMARY KEY,
    request_hash VARCHAR(64)              NOT NULL,
    operation_id VARCHAR(36)              NOT NULL,
    answered     BOOLEAN                  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
