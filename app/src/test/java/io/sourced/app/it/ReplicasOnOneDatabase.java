package io.sourced.app.it;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Suites of replica processes on one database of their own, stopped and dropped after each test. */
abstract class ReplicasOnOneDatabase {

    Database database;
    final List<ReplicaProcess> replicas = new ArrayList<>();

    @AfterEach
    void stopReplicasAndDropTheDatabase() {
        replicas.forEach(ReplicaProcess::close);
        if (database != null) {
            database.drop();
        }
    }
}
