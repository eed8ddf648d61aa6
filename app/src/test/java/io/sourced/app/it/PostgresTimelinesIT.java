package io.sourced.app.it;

/** What-if timelines under the postgres profile, on a fresh PostgreSQL database. */
class PostgresTimelinesIT extends TimelineScenarios {

    @Override
    Database database() {
        return Database.postgres();
    }
}
