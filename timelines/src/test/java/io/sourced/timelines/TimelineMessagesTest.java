package io.sourced.timelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.sourced.api.refusal.Refusal;
import io.sourced.api.timelines.DeleteTimelineCommand;
import io.sourced.api.timelines.FindTimelineQuery;
import io.sourced.api.timelines.RunTimelineCommand;
import io.sourced.api.timelines.TimelineRules;
import io.sourced.command.Refused;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

class TimelineMessagesTest {

    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-02T00:00:00Z");

    private final Timelines timelines = mock(Timelines.class);
    private final TimelineMessages messages = new TimelineMessages(timelines, mock(PlatformTransactionManager.class));

    @Test
    void runTimeline_runsTheRequestAsTheApiWouldSendIt() {
        TimelineRules rules = new TimelineRules(null, null, new BigDecimal("10"), List.of(), null);

        messages.handle(new RunTimelineCommand("t-1", "Ten up", FROM, TO, rules));

        verify(timelines).run("t-1", new TimelineRequest("Ten up", FROM, TO, rules));
    }

    @Test
    void runTimeline_refused_carriesTheRefusalWithItsField() {
        doThrow(Refused.invalid("rules.creditLimit", "must not be negative"))
                .when(timelines)
                .run(eq("t-1"), any());

        assertThatThrownBy(() -> messages.handle(new RunTimelineCommand("t-1", "Ten up", FROM, TO, null)))
                .satisfies(failure -> assertThat(Refusal.of(failure))
                        .contains(Refusal.invalid("rules.creditLimit", "must not be negative")));
    }

    @Test
    void deleteTimeline_answersWhetherThereWasOne() {
        when(timelines.delete("t-1")).thenReturn(true);

        assertThat(messages.handle(new DeleteTimelineCommand("t-1"))).isTrue();
        assertThat(messages.handle(new DeleteTimelineCommand("t-2"))).isFalse();
    }

    @Test
    void findTimeline_unknown_isEmpty() {
        when(timelines.find("t-1")).thenReturn(Optional.empty());

        assertThat(messages.handle(new FindTimelineQuery("t-1"))).isEmpty();
    }
}
