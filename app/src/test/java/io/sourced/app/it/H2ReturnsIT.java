package io.sourced.app.it;

/** Returns of accepted orders on the embedded default: an H2 file database. */
class H2ReturnsIT extends ReturnScenarios {

    @Override
    Database database() {
        return Database.h2();
    }
}
