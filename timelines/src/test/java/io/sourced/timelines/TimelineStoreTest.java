package io.sourced.timelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.rules.BusinessRules;
import io.sourced.api.timelines.Outcome;
import io.sourced.api.timelines.TimelineStatus;
import io.sourced.api.timelines.TimelineView;
import io.sourced.timelines.engine.TimelineResult;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

class TimelineStoreTest {

    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");
    private static final AskedTimeline ASKED = new AskedTimeline(
            "As it was", TO.minus(Duration.ofDays(1)), TO, BusinessRules.NONE, AskedTimeline.shown(BusinessRules.NONE));

    private final JdbcTemplate jdbc = migrated();
    private final TimelineStore store = new TimelineStore(jdbc, new ObjectMapper().findAndRegisterModules());

    private static JdbcTemplate migrated() {
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        // this module's migration alone: the other modules' ones on the classpath need their own tables first
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V202612082110__timelines.sql"))
                .execute(database);
        return new JdbcTemplate(database);
    }

    @Test
    void done_keepsTheFiguresWithTheTimeline() {
        store.begin("done", ASKED, "here");
        Outcome outcome = new Outcome(1, 1, Map.of(), 0, new BigDecimal("9.50"), 1, 0);
        store.done("done", new TimelineResult(outcome, outcome, List.of(), List.of(), 0, List.of(), 7, 0));

        TimelineView view = store.find("done").orElseThrow();

        assertThat(view.status()).isEqualTo(TimelineStatus.DONE);
        assertThat(view.progress()).isEqualTo(1.0);
        assertThat(view.whatIf()).isEqualTo(outcome);
        assertThat(view.eventsRead()).isEqualTo(7);
        assertThat(view.rules()).isEqualTo(ASKED.shown());
    }

    @Test
    void runningOnAReplicaThatWentSilent_isAnsweredFailed() {
        store.begin("silent", ASKED, "elsewhere");
        jdbc.update(
                "UPDATE timeline SET updated_at = ? WHERE timeline_id = 'silent'",
                Timestamp.from(Instant.now().minus(TimelineStore.SILENCE).minusSeconds(1)));
        store.begin("alive", ASKED, "elsewhere");

        assertThat(store.find("silent").orElseThrow().status()).isEqualTo(TimelineStatus.FAILED);
        assertThat(store.find("silent").orElseThrow().failure()).contains("elsewhere stopped answering");
        assertThat(store.find("alive").orElseThrow().status()).isEqualTo(TimelineStatus.RUNNING);
    }

    @Test
    void abandonedBy_failsWhatThisReplicaWasRunning_only() {
        store.begin("mine", ASKED, "here");
        store.begin("theirs", ASKED, "elsewhere");

        assertThat(store.abandonedBy("here")).isEqualTo(1);

        assertThat(store.find("mine").orElseThrow().status()).isEqualTo(TimelineStatus.FAILED);
        assertThat(store.find("theirs").orElseThrow().status()).isEqualTo(TimelineStatus.RUNNING);
    }

    @Test
    void deleted_isNoLongerAlive_norProgressed() {
        store.begin("gone", ASKED, "here");

        assertThat(store.delete("gone")).isTrue();

        assertThat(store.alive("gone")).isFalse();
        assertThat(store.progressed("gone", 0.5)).isFalse();
        assertThat(store.find("gone")).isEmpty();
        assertThat(store.list()).isEmpty();
    }
}
