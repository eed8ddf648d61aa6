package io.sourced.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projector that gathers a processor batch's rows must write what it writes for the same events one at a time:
 * the same events go to a projector on a database of its own one by one, and in batches (as a processor makes them,
 * which a projector may read ahead in) of every size from 2 to all of them, and every table named must come out the
 * same, but for their versions.
 */
public final class BatchEquivalence {

    private BatchEquivalence() {}

    public static void assertBatchesWriteWhatSingleEventsWrite(
            Function<JdbcTemplate, Object> projector, List<EventMessage<?>> events, String... tables) {
        JdbcTemplate oneByOne = ViewDatabase.migrated();
        Deliver single = Deliver.to(projector.apply(oneByOne));
        events.forEach(single::handle);
        for (int size = 2; size <= events.size(); size++) {
            JdbcTemplate batched = ViewDatabase.migrated();
            Deliver deliver = Deliver.to(projector.apply(batched));
            for (int from = 0; from < events.size(); from += size) {
                // as a processor's batch: the projector may read ahead what the batch's events need
                BatchingUnitOfWork<EventMessage<?>> batch =
                        new BatchingUnitOfWork<>(events.subList(from, Math.min(events.size(), from + size)));
                ResultMessage<?> result = batch.executeWithResult(() -> {
                    deliver.handle(batch.getMessage());
                    return null;
                });
                assertThat(result.isExceptional())
                        .as("batch of %d failed: %s", size, result)
                        .isFalse();
            }
            for (String table : tables) {
                assertThat(rows(batched, table))
                        .as("%s after batches of %d", table, size)
                        .isEqualTo(rows(oneByOne, table));
            }
        }
        for (String table : tables) {
            assertThat(rows(oneByOne, table)).as("%s is written at all", table).isNotEmpty();
        }
    }

    /** A row's version counts the writes of it, which batches are there to make fewer of: left out. */
    private static List<Map<String, Object>> rows(JdbcTemplate jdbc, String table) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM " + table + " ORDER BY 1, 2");
        rows.forEach(row -> row.remove("version"));
        return rows;
    }
}
