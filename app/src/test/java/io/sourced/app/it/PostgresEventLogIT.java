package io.sourced.app.it;

/** The event log under the postgres profile, on a fresh PostgreSQL database. */
class PostgresEventLogIT extends EventLogScenarios {

    @Override
    Database database() {
        return Database.postgres();
    }
}
