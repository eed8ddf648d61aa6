package io.sourced.app.it;

/** Metrics, health and the dashboard on the embedded default: an H2 file database. */
class H2MonitoringIT extends MonitoringScenarios {

    @Override
    Database database() {
        return Database.h2();
    }
}
