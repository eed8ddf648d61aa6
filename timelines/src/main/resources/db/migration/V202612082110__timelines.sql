-- What-if timelines: the period and rules asked, the runner's progress (updated_at is its replica's heartbeat) and,
-- once done, the figures as JSON. Nothing of a timeline is written anywhere else.
CREATE TABLE timeline (
    timeline_id VARCHAR(36)              NOT NULL PRIMARY KEY,
    name        VARCHAR(100)             NOT NULL,
    period_from TIMESTAMP WITH TIME ZONE NOT NULL,
    period_to   TIMESTAMP WITH TIME ZONE NOT NULL,
    rules       VARCHAR                  NOT NULL,
    status      VARCHAR(16)              NOT NULL,
    progress    DOUBLE PRECISION         NOT NULL,
    replica     VARCHAR(255)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    result      VARCHAR,
    failure     VARCHAR(1000)
);
CREATE INDEX timeline_by_creation ON timeline (created_at);
