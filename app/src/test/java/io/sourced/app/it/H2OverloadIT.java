package io.sourced.app.it;

/** Admission control on the embedded default: an H2 file database. */
class H2OverloadIT extends OverloadScenarios {

    @Override
    Database database() {
        return Database.h2();
    }
}
