package io.sourced.app.it;

/** The business rules under the postgres profile, on a fresh PostgreSQL database. */
class PostgresBusinessRulesIT extends BusinessRulesScenarios {

    @Override
    Database database() {
        return Database.postgres();
    }
}
