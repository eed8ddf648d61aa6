package io.sourced.app.it;

class PostgresRestartIT extends RestartScenarios {

    @Override
    Database database() {
        return Database.postgres();
    }
}
