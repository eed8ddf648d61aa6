package io.sourced.app.it;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Scenarios against one running application, shared by the tests of a class, on the fresh database a
 * subclass gives (H2 or PostgreSQL); the database is dropped afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApplicationScenarios {

    Database database;
    Instance instance;
    Api admin;

    abstract Database database();

    /** Extra command-line arguments for this class's instance. */
    List<String> arguments() {
        return List.of();
    }

    /** Test-only configuration classes this class's instance is started with. */
    Class<?>[] extraSources() {
        return new Class<?>[0];
    }

    @BeforeAll
    void start() {
        database = database();
        instance = Instance.start(database, arguments(), extraSources());
        admin = instance.admin;
    }

    @AfterAll
    void stop() {
        if (instance != null) {
            instance.close();
        }
        if (database != null) {
            database.drop();
        }
    }
}
