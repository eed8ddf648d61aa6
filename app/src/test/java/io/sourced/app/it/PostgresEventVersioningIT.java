package io.sourced.app.it;

/** Event versioning under the postgres profile, on a fresh PostgreSQL database. */
class PostgresEventVersioningIT extends EventVersioningScenarios {

    @Override
    Database database() {
        return Database.postgres();
    }
}
