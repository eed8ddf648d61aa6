package io.sourced.app.it;

class PostgresEventSourcingIT extends EventSourcingScenarios {

    @Override
    Database database() {
        return Database.postgres();
    }
}
