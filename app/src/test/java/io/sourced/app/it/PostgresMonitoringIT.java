package io.sourced.app.it;

/** Metrics, health and the dashboard under the postgres profile, on a fresh PostgreSQL database. */
class PostgresMonitoringIT extends MonitoringScenarios {

    @Override
    Database database() {
        return Database.postgres();
    }
}
