package io.sourced.app.it;

/** The reports on the embedded default: an H2 file database. */
class H2ReportsIT extends ReportScenarios {

    @Override
    Database database() {
        return Database.h2();
    }
}
