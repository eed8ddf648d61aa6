-- The units of each order line filled: fewer than asked when the order was filled in part, 0 for a line dropped; null
-- until the line's reservation or the order's acceptance says.
ALTER TABLE order_line_view ADD COLUMN filled INT;
-- Before partial fulfilment a reserved line was reserved whole.
UPDATE order_line_view SET filled = quantity WHERE unit_price IS NOT NULL;
