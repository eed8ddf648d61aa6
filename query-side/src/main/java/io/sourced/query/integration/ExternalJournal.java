package io.sourced.query.integration;

import io.sourced.query.SqlTime;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** {@code external_journal}: what each outside system answered live, per event. */
final class ExternalJournal {

    private static final int IN_LIST = 1000;

    private final JdbcTemplate jdbc;

    ExternalJournal(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> answer(String eventId, String system) {
        return Optional.ofNullable(answers(List.of(eventId), system).get(eventId));
    }

    /** The answers journaled for these events, by event id. */
    Map<String, String> answers(Collection<String> eventIds, String system) {
        Map<String, String> answers = new HashMap<>();
        List<String> ids = eventIds.stream().distinct().toList();
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            named.query(
                    "SELECT event_id, answer FROM external_journal WHERE system = :system AND event_id IN (:ids)",
                    Map.of("system", system, "ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST))),
                    rs -> {
                        answers.put(rs.getString(1), rs.getString(2));
                    });
        }
        return answers;
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
