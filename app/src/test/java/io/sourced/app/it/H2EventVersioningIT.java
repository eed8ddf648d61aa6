package io.sourced.app.it;

/** Event versioning on the embedded default: an H2 file database. */
class H2EventVersioningIT extends EventVersioningScenarios {

    @Override
    Database database() {
        return Database.h2();
    }
}
