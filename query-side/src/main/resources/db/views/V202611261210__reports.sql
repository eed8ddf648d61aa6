-- Reports that tie orders to inventory, kept by the reports processing group (replayable: its reset handlers
-- empty these tables). A report day is the UTC date of the event. Rows exist only for days that had events.

-- Sales and stock per product and day.
CREATE TABLE product_day_report (
    product_id       VARCHAR(36)    NOT NULL,
    report_day       DATE           NOT NULL,
    units_ordered    INT            NOT NULL,
    units_sold       INT            NOT NULL,
    revenue          NUMERIC(19, 2) NOT NULL,
    units_lost       INT            NOT NULL,
    stock_end_of_day INT            NOT NULL,
    PRIMARY KEY (product_id, report_day)
);
CREATE INDEX product_day_report_day ON product_day_report (report_day);

-- What the product report carries between events: each product's name and available stock, and the
-- sequence number of the last product event applied (a redelivered event is applied once).
CREATE TABLE report_product (
    product_id VARCHAR(36)   NOT NULL PRIMARY KEY,
    name       VARCHAR(1000) NOT NULL,
    available  INT           NOT NULL,
    version    BIGINT        NOT NULL
);

-- The unit price each order's reservation was made at: revenue = units sold x this price.
CREATE TABLE report_reservation (
    order_id   VARCHAR(36)    NOT NULL,
    product_id VARCHAR(36)    NOT NULL,
    unit_price NUMERIC(19, 2) NOT NULL,
    PRIMARY KEY (order_id, product_id)
);

-- The order funnel per day: placed by the day of placement, the terminal outcomes by the day they happened.
CREATE TABLE day_report (
    report_day                DATE NOT NULL PRIMARY KEY,
    placed                    INT  NOT NULL,
    accepted                  INT  NOT NULL,
    rejected_out_of_stock     INT  NOT NULL,
    rejected_payment_declined INT  NOT NULL,
    rejected_timeout          INT  NOT NULL,
    cancelled                 INT  NOT NULL
);

-- Each order's placement and outcome: the time to accept (percentiles are computed when asked) and what
-- makes a redelivered order event count once.
CREATE TABLE order_timing_report (
    order_id     VARCHAR(36)              NOT NULL PRIMARY KEY,
    placed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome      VARCHAR(32),
    completed_at TIMESTAMP WITH TIME ZONE,
    accepted_day DATE
);
CREATE INDEX order_timing_report_accepted_day ON order_timing_report (accepted_day);
