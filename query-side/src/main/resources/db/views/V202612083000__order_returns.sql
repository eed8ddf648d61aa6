-- Returns of accepted orders: what each order's completed returns refunded, each line's units returned and those in a
-- return still in its workflow, and every return asked with its lines (oldest first by return_no).
ALTER TABLE order_view ADD COLUMN refunded NUMERIC(19, 2) DEFAULT 0 NOT NULL;
ALTER TABLE order_line_view ADD COLUMN returned INT DEFAULT 0 NOT NULL;
ALTER TABLE order_line_view ADD COLUMN in_return INT DEFAULT 0 NOT NULL;

CREATE TABLE order_return_view (
    return_id      VARCHAR(36)              NOT NULL PRIMARY KEY,
    order_id       VARCHAR(36)              NOT NULL,
    return_no      INT                      NOT NULL,
    status         VARCHAR(16)              NOT NULL,
    amount         NUMERIC(19, 2)           NOT NULL,
    reason         VARCHAR(2000)            NOT NULL,
    failure_reason VARCHAR(2000),
    requested_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX order_return_view_order ON order_return_view (order_id, return_no);

CREATE TABLE order_return_line_view (
    return_id  VARCHAR(36)    NOT NULL,
    line_no    INT            NOT NULL,
    product_id VARCHAR(36)    NOT NULL,
    quantity   INT            NOT NULL,
    unit_price NUMERIC(19, 2) NOT NULL,
    PRIMARY KEY (return_id, line_no)
);
