package io.sourced.app.it;

/** The role split on one PostgreSQL database, as two services would run it without Axon Server. */
class PostgresRoleSplitIT extends RoleSplitScenarios {

    @Override
    Database database() {
        return Database.postgres();
    }
}
