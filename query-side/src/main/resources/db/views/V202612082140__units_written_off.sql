-- Units a product's stock lost to write-offs on the day.
ALTER TABLE product_day_report ADD COLUMN units_written_off INT DEFAULT 0 NOT NULL;
