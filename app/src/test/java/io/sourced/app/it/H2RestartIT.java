package io.sourced.app.it;

class H2RestartIT extends RestartScenarios {

    @Override
    Database database() {
        return Database.h2();
    }
}
