package io.sourced.app.it;

/** The reports under the postgres profile, on a fresh PostgreSQL database. */
class PostgresReportsIT extends ReportScenarios {

    @Override
    Database database() {
        return Database.postgres();
    }
}
