package io.sourced.app.it;

/** The workflow on the embedded default: an H2 file database. */
class H2WorkflowIT extends WorkflowScenarios {

    @Override
    Database database() {
        return Database.h2();
    }
}
