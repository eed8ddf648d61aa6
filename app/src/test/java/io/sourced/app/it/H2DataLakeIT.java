package io.sourced.app.it;

/** The data lake on the embedded default: an H2 file database. */
class H2DataLakeIT extends DataLakeScenarios {

    @Override
    Database database() {
        return Database.h2();
    }
}
