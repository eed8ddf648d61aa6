-- The application processes (replicas) running on this database. Each writes its heartbeat here with the
-- streaming processors it runs; one silent for longer than sourced.replica.timeout is taken for dead. The segment
-- balancer and the processors page read it; the token claims themselves stay in tokenentry.owner.
CREATE TABLE replica (
    name         VARCHAR(200)             NOT NULL PRIMARY KEY,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    processors   VARCHAR(4000)            NOT NULL
);
