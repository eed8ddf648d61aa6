package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sourced.app.it.Api.Answer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** A consumer of the event feed (GET /api/events): remembers what it read and where to resume. */
final class FeedReader {

    private final Api api;
    final List<JsonNode> read = new ArrayList<>();
    long last = -1;
    int pages;

    FeedReader(Api api) {
        this.api = api;
    }

    int readPage() {
        Answer answer = api.get("/api/events?after=" + last + "&limit=7");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> page = answer.raw().lines().map(Api::readTree).toList();
        assertThat(page.size()).isLessThanOrEqualTo(7);
        for (JsonNode event : page) {
            long position = event.path("position").asLong();
            assertThat(position).as("positions strictly increase").isGreaterThan(last);
            last = position;
            read.add(event);
        }
        pages++;
        return page.size();
    }

    void readUntilEmpty() {
        while (readPage() > 0) {
            // the page was full or partial: there may be more
        }
    }

    /** Every event stored up to the last position read was read, once, in log order. */
    void assertReadEveryStoredEventOnceInOrder(JdbcTemplate eventStore) {
        List<String> readIds =
                read.stream().map(event -> event.path("eventId").asText()).toList();
        assertThat(new HashSet<>(readIds)).as("no event twice").hasSize(readIds.size());
        List<String> storedIds = eventStore.queryForList(
                "SELECT eventidentifier FROM domainevententry WHERE globalindex <= ? ORDER BY globalindex",
                String.class,
                last);
        assertThat(readIds)
                .as(() -> "every stored event, once, in log order; missed: "
                        + eventStore
                                .queryForList(
                                        "SELECT globalindex, eventidentifier, payloadtype, timestamp FROM domainevententry WHERE globalindex <= ?",
                                        last)
                                .stream()
                                .filter(row -> !readIds.contains(String.valueOf(row.get("eventidentifier"))))
                                .toList())
                .containsExactlyElementsOf(storedIds);
    }
}
