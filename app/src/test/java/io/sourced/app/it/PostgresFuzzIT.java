package io.sourced.app.it;

/** The fuzzer on PostgreSQL. */
class PostgresFuzzIT extends FuzzScenarios {

    @Override
    Database database() {
        return Database.postgres();
    }
}
