package io.sourced.app.it;

/** The data lake under the postgres profile, on a fresh PostgreSQL database. */
class PostgresDataLakeIT extends DataLakeScenarios {

    @Override
    Database database() {
        return Database.postgres();
    }
}
