package io.sourced.app.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

class EventTimestampsTest {

    @Test
    void parse_whatAxonWrites_isWhatAxonReads() {
        SplittableRandom random = new SplittableRandom(42);
        Instant from = Instant.parse("1970-01-01T00:00:00Z");
        Instant to = Instant.parse("2400-12-31T23:59:59Z");
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(
                    random.nextLong(from.getEpochSecond(), to.getEpochSecond()), random.nextInt(1_000_000_000));
            for (Instant precise : new Instant[] {
                instant,
                instant.truncatedTo(ChronoUnit.MICROS),
                instant.truncatedTo(ChronoUnit.MILLIS),
                instant.truncatedTo(ChronoUnit.SECONDS)
            }) {
                String stored = DateTimeUtils.formatInstant(precise);
                assertThat(EventTimestamps.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
            }
        }
    }

    @Test
    void parse_leapDayAndEndsOfMonths_areExact() {
        for (String stored : new String[] {
            "2024-02-29T23:59:59.999Z",
            "2025-12-31T00:00:00.000Z",
            "2026-01-31T12:30:45.5Z",
            "2000-02-29T00:00:00.123456789Z"
        }) {
            assertThat(EventTimestamps.parse(stored)).as(stored).isEqualTo(Instant.parse(stored));
        }
    }

    @Test
    void parse_otherFormsOfIsoTime_goToAxonsParser() {
        assertThat(EventTimestamps.parse("2026-12-06T20:51:00.123+01:00"))
                .isEqualTo(Instant.parse("2026-12-06T19:51:00.123Z"));
        assertThat(EventTimestamps.parse("2026-12-06T19:51:00Z")).isEqualTo(Instant.parse("2026-12-06T19:51:00Z"));
    }

    @Test
    void parse_impossibleDatesAndNonsense_failAsAxonsParserDoes() {
        for (String nonsense : new String[] {
            "2026-02-30T10:00:00.000Z",
            "2026-13-01T10:00:00.000Z",
            "2026-12-06T24:00:00.000Z",
            "2026-12-06T19:51:60.000Z",
            "2026-12-0xT19:51:00.000Z",
            ""
        }) {
            assertThatThrownBy(() -> EventTimestamps.parse(nonsense))
                    .as(nonsense)
                    .isInstanceOf(DateTimeParseException.class);
        }
    }
}
