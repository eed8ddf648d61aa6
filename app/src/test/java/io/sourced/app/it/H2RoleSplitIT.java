package io.sourced.app.it;

/** The role split on one H2 file database, shared by two application contexts in this JVM. */
class H2RoleSplitIT extends RoleSplitScenarios {

    @Override
    Database database() {
        return Database.h2();
    }
}
