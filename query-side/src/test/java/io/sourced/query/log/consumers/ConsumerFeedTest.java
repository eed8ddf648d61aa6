package io.sourced.query.log.consumers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.consumers.ConsumerId;
import io.sourced.api.refusal.Refusal;
import io.sourced.query.log.eventlog.Event;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class ConsumerFeedTest {

    private final ObjectMapper json = new ObjectMapper();

    private FeedReader reader(boolean personalData, String... types) {
        return new FeedReader(ConsumerId.random(), Set.of(types), personalData, FeedCursors.newKey());
    }

    private Event accountOpened(long position) throws Exception {
        return new Event(
                position,
                "e" + position,
                "CustomerAccount",
                "c",
                4L,
                "AccountOpenedEvent",
                "1",
                Instant.parse("2026-12-08T10:00:00Z"),
                json.readTree("{\"customerId\":\"c\",\"name\":\"Alice\"}"),
                json.readTree("{\"traceId\":\"t\",\"correlationId\":\"t\",\"username\":\"admin\"}"));
    }

    @Test
    void given_toAConsumerWithoutPersonalData_leavesNamesAndUsernamesOut() throws Exception {
        FeedReader reader = reader(false, "AccountOpenedEvent");

        FeedEvent given = ConsumerFeed.given(reader, accountOpened(17));

        assertThat(given.payload().has("name")).isFalse();
        assertThat(given.payload().path("customerId").asText()).isEqualTo("c");
        assertThat(given.metadata().has("username")).isFalse();
        assertThat(given.metadata().path("traceId").asText()).isEqualTo("t");
    }

    @Test
    void given_toAConsumerWithPersonalData_keepsThem() throws Exception {
        FeedEvent given = ConsumerFeed.given(reader(true, "AccountOpenedEvent"), accountOpened(17));

        assertThat(given.payload().path("name").asText()).isEqualTo("Alice");
        assertThat(given.metadata().path("username").asText()).isEqualTo("admin");
    }

    @Test
    void given_anEvent_hidesItsPositionFromAllButTheConsumersKey() throws Exception {
        FeedReader reader = reader(false, "AccountOpenedEvent");

        FeedEvent given = ConsumerFeed.given(reader, accountOpened(17));

        assertThat(given.position()).doesNotContain("17");
        assertThat(FeedCursors.decode(reader.cursorKey(), given.position())).hasValue(17);
        assertThat(FeedCursors.decode(FeedCursors.newKey(), given.position())).isEmpty();
    }

    @Test
    void narrowed_toGrantedTypes_givesThem() {
        FeedReader reader = reader(false, "OrderPlacedEvent", "OrderAcceptedEvent");

        assertThat(FeedController.narrowed(reader, List.of("OrderAcceptedEvent")))
                .containsExactly("OrderAcceptedEvent");
        assertThat(FeedController.narrowed(reader, null)).isNull();
    }

    @Test
    void narrowed_toATypeNotGranted_isForbiddenWhetherItExistsOrNot() {
        FeedReader reader = reader(false, "OrderPlacedEvent");

        for (String type : List.of("OrderAcceptedEvent", "NoSuchEvent")) {
            assertThatThrownBy(() -> FeedController.narrowed(reader, List.of("OrderPlacedEvent", type)))
                    .isInstanceOfSatisfying(
                            ResponseStatusException.class,
                            refused -> assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
        }
    }

    @Test
    void narrowed_toAnEmptyName_isInvalid() {
        assertThatThrownBy(() -> FeedController.narrowed(reader(false, "OrderPlacedEvent"), List.of(" ")))
                .satisfies(thrown ->
                        assertThat(Refusal.of(thrown).orElseThrow().field()).isEqualTo("types"));
    }
}
