-- Each ledger entry's id (the operation of the event that made it, or a UUID made from the event's id), the deposit
-- a reversal takes back, and whether a deposit was reversed. Entries written before have no id: a rebuild of the
-- views gives every entry its id.
ALTER TABLE customer_transaction_view ADD COLUMN transaction_id VARCHAR(36);
ALTER TABLE customer_transaction_view ADD COLUMN reverses VARCHAR(36);
ALTER TABLE customer_transaction_view ADD COLUMN reversed BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX customer_transaction_view_transaction_idx ON customer_transaction_view (customer_id, transaction_id);
