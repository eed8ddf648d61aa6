package io.sourced.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class AsOfTest {

    @Test
    void asOf_sentByThePagesScript_isTheInstantAskedFor() {
        Instant sent = Instant.parse("2026-11-26T04:45:30Z");

        assertThat(AsOf.of(sent, LocalDateTime.parse("2026-11-26T10:15:30"))).isEqualTo(sent);
    }

    @Test
    void asOfLocal_withoutTheScript_isReadAsUtc_likeThePagesTimesBeforeTheScriptRewritesThem() {
        assertThat(AsOf.of(null, LocalDateTime.parse("2026-11-26T10:15:30")))
                .isEqualTo(Instant.parse("2026-11-26T10:15:30Z"));
    }

    @Test
    void nothingChosen_isNow() {
        assertThat(AsOf.of(null, null)).isNull();
    }
}
