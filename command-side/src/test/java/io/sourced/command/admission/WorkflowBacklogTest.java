package io.sourced.command.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkflowBacklogTest {

    private static final Duration LIMIT = Duration.ofSeconds(3);
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final WorkflowBacklog backlog = new WorkflowBacklog();

    @Test
    void nothingPlaced_waitsNothing() {
        Backlog now = backlog.at(T0);

        assertThat(now.pendingOrders()).isZero();
        assertThat(now.expectedWait()).isZero();
        assertThat(now.exceeds(LIMIT)).isFalse();
    }

    @Test
    void ordersDecidedAsTheyCome_admitted() {
        for (int second = 0; second < 10; second++) {
            for (int n = 0; n < 50; n++) {
                Instant placed = T0.plusSeconds(second).plusMillis(n * 20L);
                backlog.placed("order-" + second + "-" + n, placed);
                backlog.decided("order-" + second + "-" + n, placed.plusMillis(80));
            }
        }
        backlog.placed("last", T0.plusSeconds(10));

        Backlog now = backlog.at(T0.plusSeconds(10).plusMillis(50));

        assertThat(now.pendingOrders()).isEqualTo(1);
        assertThat(now.decidedPerSecond()).isCloseTo(50.0, within(0.5));
        assertThat(now.expectedWait()).isEqualTo(Duration.ofMillis(20));
        assertThat(now.exceeds(LIMIT)).isFalse();
    }

    @Test
    void burstAfterAQuietSpell_admittedWhileDecidedAtOnce() {
        for (int second = 0; second < 60; second++) {
            backlog.placed("quiet-" + second, T0.plusSeconds(second));
            backlog.decided("quiet-" + second, T0.plusSeconds(second).plusMillis(50));
            backlog.at(T0.plusSeconds(second).plusMillis(100));
        }
        Instant burst = T0.plusSeconds(60);
        for (int n = 0; n < 40; n++) {
            backlog.placed("burst-" + n, burst);
        }

        Backlog now = backlog.at(burst.plusMillis(200));

        assertThat(now.expectedWait())
                .as("40 orders at the rate of a quiet spell")
                .isGreaterThan(LIMIT);
        assertThat(now.exceeds(LIMIT))
                .as("the burst is younger than a quarter of the limit")
                .isFalse();
    }

    @Test
    void moreInHandThanTheLimitAtTheRateDecided_refused() {
        Instant now = decideSteadily(100, 10);
        for (int n = 0; n < 500; n++) {
            backlog.placed("queued-" + n, now.minusSeconds(2).plusMillis(n * 4L));
        }

        Backlog backlogNow = backlog.at(now);

        assertThat(backlogNow.pendingOrders()).isEqualTo(500);
        assertThat(backlogNow.expectedWait()).isBetween(Duration.ofMillis(4500), Duration.ofMillis(5500));
        assertThat(backlogNow.exceeds(LIMIT)).isTrue();
        assertThat(backlogNow.secondsOver(LIMIT)).isEqualTo(2);
    }

    @Test
    void afterARushTheBestRateStandsForWhatTheWorkflowCanDo() {
        Instant now = decideSteadily(200, 6);
        double best = backlog.at(now).decidedPerSecond();
        Instant later = now.plusSeconds(30);
        for (int n = 0; n < 300; n++) {
            backlog.placed("queued-" + n, later.minusSeconds(1));
        }

        Backlog backlogNow = backlog.at(later);

        assertThat(backlogNow.decidedPerSecond()).isZero();
        assertThat(best).isCloseTo(200.0, within(5.0));
        assertThat(backlogNow.expectedWait()).isEqualTo(Duration.ofMillis(Math.round(300 / best * 1000)));
        assertThat(backlogNow.exceeds(LIMIT)).isFalse();
    }

    @Test
    void nothingDecidedEver_theOldestOrdersAgeIsTheWait() {
        backlog.placed("stuck", T0);

        Backlog now = backlog.at(T0.plusSeconds(4));

        assertThat(now.expectedWait()).isEqualTo(Duration.ofSeconds(4));
        assertThat(now.exceeds(LIMIT)).isTrue();
    }

    @Test
    void anOrderPendingLongerThanAnyDecisionTakes_forgotten() {
        backlog.placed("missed", T0);

        Backlog now = backlog.at(T0.plus(WorkflowBacklog.FORGET_AFTER).plusSeconds(1));

        assertThat(now.pendingOrders()).isZero();
        assertThat(now.exceeds(LIMIT)).isFalse();
    }

    @Test
    void aDecisionOfAnOrderPlacedBeforeFollowing_countsForTheRateOnly() {
        backlog.decided("placed-before", T0);

        Backlog now = backlog.at(T0.plusSeconds(1));

        assertThat(now.pendingOrders()).isZero();
        assertThat(now.decidedPerSecond()).isEqualTo(1 / 5.0);
    }

    /** {@code perSecond} orders a second for {@code seconds}, each decided 50 ms after it was placed. */
    private Instant decideSteadily(int perSecond, int seconds) {
        long gapMillis = 1000 / perSecond;
        Instant at = T0;
        for (int n = 0; n < perSecond * seconds; n++) {
            at = T0.plusMillis(n * gapMillis);
            backlog.placed("steady-" + n, at);
            backlog.decided("steady-" + n, at.plusMillis(50));
            if (n % perSecond == 0) {
                backlog.at(at);
            }
        }
        return at.plusMillis(50);
    }
}
