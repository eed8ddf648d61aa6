-- An order's version, one more with every change of the order, its lines or its returns: a reader that reads the
-- order's tables one statement each knows by it whether a change committed between its statements.
ALTER TABLE order_view ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
