package io.sourced.app.it;

/** The business rules on the embedded default: an H2 file database. */
class H2BusinessRulesIT extends BusinessRulesScenarios {

    @Override
    Database database() {
        return Database.h2();
    }
}
