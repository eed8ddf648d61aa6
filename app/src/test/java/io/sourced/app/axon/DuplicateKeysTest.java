package io.sourced.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.junit.jupiter.api.Test;

class DuplicateKeysTest {

    /** As PostgreSQL's driver reports a batch insert that hit a unique key: the state is on the next exception. */
    private static Exception postgresBatchConflict() {
        BatchUpdateException batch = new BatchUpdateException(
                "Batch entry 0 INSERT INTO DomainEventEntry … was aborted", null, 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        return new IllegalStateException("An event for aggregate [a] at sequence [8] was already inserted", batch);
    }

    @Test
    void violated_postgresBatchConflict_isRecognised() {
        assertThat(DuplicateKeys.violated(postgresBatchConflict())).isTrue();
    }

    @Test
    void violated_otherConstraintOrFailure_isNot() {
        assertThat(DuplicateKeys.violated(new SQLException("null value in column", "23502")))
                .isFalse();
        assertThat(DuplicateKeys.violated(new IllegalStateException("boom"))).isFalse();
    }

    @Test
    void postProcess_axonsResolver_recognisesTheConflictItMissed() {
        PersistenceExceptionResolver axons = exception -> false;
        PersistenceExceptionResolver wrapped = (PersistenceExceptionResolver)
                new DuplicateKeys().postProcessAfterInitialization(axons, "persistenceExceptionResolver");
        assertThat(wrapped.isDuplicateKeyViolation(postgresBatchConflict())).isTrue();
        assertThat(wrapped.isDuplicateKeyViolation(new IllegalStateException("boom")))
                .isFalse();
    }
}
