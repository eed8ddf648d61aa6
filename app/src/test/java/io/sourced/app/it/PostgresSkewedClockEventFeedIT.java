package io.sourced.app.it;

/** The event feed under a skewed writers' clock, under the postgres profile on a fresh PostgreSQL database. */
class PostgresSkewedClockEventFeedIT extends SkewedClockEventFeedScenarios {

    @Override
    Database database() {
        return Database.postgres();
    }
}
