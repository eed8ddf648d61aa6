-- Each product and customer row remembers the sequence number of the last event of its aggregate it
-- applied: a redelivered or retried event (dead letters) is then applied once.
ALTER TABLE product_view ADD COLUMN version BIGINT DEFAULT -1 NOT NULL;
ALTER TABLE customer_view ADD COLUMN version BIGINT DEFAULT -1 NOT NULL;
