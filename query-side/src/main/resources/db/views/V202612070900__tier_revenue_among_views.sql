-- The tier revenue report is a view like the others, so that it exists in every schema the views are built in. Where
-- the external journal's migration created it already, this changes nothing.
CREATE TABLE IF NOT EXISTS tier_revenue_report (
    tier    VARCHAR(16)    NOT NULL PRIMARY KEY,
    orders  BIGINT         NOT NULL,
    revenue NUMERIC(19, 2) NOT NULL
);
