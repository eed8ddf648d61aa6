-- The tier each accepted order's revenue went to in the tier report, so that a return's refund is taken from that
-- tier, whatever the customer's tier when the refund is made.
CREATE TABLE report_order_tier (
    order_id VARCHAR(36) NOT NULL PRIMARY KEY,
    tier     VARCHAR(16) NOT NULL
);
