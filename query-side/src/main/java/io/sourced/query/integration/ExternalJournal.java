package io.sourced.query.integration;

import io.sourced.query.SqlTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code external_journal}: what each outside system answered live, per event. */
final class ExternalJournal {

    private final JdbcTemplate jdbc;

    ExternalJournal(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> answer(String eventId, String system) {
        List<String> answers = jdbc.queryForList(
                "SELECT answer FROM external_journal WHERE event_id = ? AND system = ?", String.class, eventId, system);
        return answers.stream().findFirst();
    }

    /** Fails on a second entry for the same event and system: a concurrent handler asked too, and one must lose. */
    void record(String eventId, String system, String request, String answer, Instant at) {
        jdbc.update(
                "INSERT INTO external_journal (event_id, system, request, answer, answered_at) VALUES (?, ?, ?, ?, ?)",
                eventId,
                system,
                request,
                answer,
                SqlTime.of(at));
    }
}
