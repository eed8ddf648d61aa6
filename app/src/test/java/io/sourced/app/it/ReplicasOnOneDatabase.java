package io.sourced.app.it;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Suites of replica processes on one database of their own, stopped and dropped after each test. */
abstract class ReplicasOnOneDatabase {

    Database database;
    final List<ReplicaProcess> replicas = new ArrayList<>();

    /** The PostgreSQL database the replicas share: its event store and every other table. */
    JdbcTemplate eventStore() {
        return new JdbcTemplate(new DriverManagerDataSource(
                Database.POSTGRES_HOST + database.postgresName(), Database.POSTGRES_USER, ""));
    }

    @AfterEach
    void stopReplicasAndDropTheDatabase() {
        replicas.forEach(ReplicaProcess::close);
        if (database != null) {
            database.drop();
        }
    }
}
