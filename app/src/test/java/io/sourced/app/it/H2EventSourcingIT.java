package io.sourced.app.it;

class H2EventSourcingIT extends EventSourcingScenarios {

    @Override
    Database database() {
        return Database.h2();
    }
}
