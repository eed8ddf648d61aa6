package io.sourced.app.it;

/** Admission control under the postgres profile, on a fresh PostgreSQL database. */
class PostgresOverloadIT extends OverloadScenarios {

    @Override
    Database database() {
        return Database.postgres();
    }
}
