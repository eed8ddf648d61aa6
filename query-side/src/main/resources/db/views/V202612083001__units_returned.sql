-- Units returned to a product's available stock on the day, and what their returns refunded (already taken out of the
-- day's revenue, which is net of refunds).
ALTER TABLE product_day_report ADD COLUMN units_returned INT DEFAULT 0 NOT NULL;
ALTER TABLE product_day_report ADD COLUMN refunded NUMERIC(19, 2) DEFAULT 0 NOT NULL;
