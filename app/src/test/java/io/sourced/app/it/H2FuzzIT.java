package io.sourced.app.it;

/** The fuzzer on the embedded default: an H2 file database. */
class H2FuzzIT extends FuzzScenarios {

    @Override
    Database database() {
        return Database.h2();
    }
}
