package io.sourced.app.it;

/** Returns of accepted orders under the postgres profile, on a fresh PostgreSQL database. */
class PostgresReturnsIT extends ReturnScenarios {

    @Override
    Database database() {
        return Database.postgres();
    }
}
