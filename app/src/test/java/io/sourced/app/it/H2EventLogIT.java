package io.sourced.app.it;

/** The event log on the embedded default: an H2 file database. */
class H2EventLogIT extends EventLogScenarios {

    @Override
    Database database() {
        return Database.h2();
    }
}
