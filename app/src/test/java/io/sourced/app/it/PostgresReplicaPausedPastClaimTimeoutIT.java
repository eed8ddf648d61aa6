package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourced.app.it.ConcurrencyScenario.Load;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two application processes on one PostgreSQL database under orders placed through both; one is paused (SIGSTOP) in
 * the middle of its work until its claims are outlived and the other has taken its segments, then resumed (SIGCONT)
 * with whatever it had on the way: commands sent, batches whose claim it lost. Afterwards every
 * order answered 2xx is terminal, its stock reserved at most once and sold once if accepted, no product holds stock
 * for a settled order, and every other invariant of the replica suites holds.
 */
class PostgresReplicaPausedPastClaimTimeoutIT extends ReplicasOnOneDatabase {

    private static final int ORDERS = 200;
    private static final int CLIENTS = 8;
    /** Stock and deposits of four rounds of the scarce catalog: some orders accepted, many refused. */
    private static final int SCARCITY = 4;
    /** A short claim timeout (and the liveness it must exceed): the pause lasts past it, not much longer. */
    private static final List<String> QUICK_TAKEOVER = List.of(
            "--sourced.replica.heartbeat=1s", "--sourced.replica.timeout=3s", "--sourced.replica.claim-timeout=4s");

    @Test
    void replicaPausedPastItsClaims_thenResumed_reservesNoStockTwiceAndLeavesNoneHeld() throws Exception {
        List<ReplicaProcess> two = startTwo(QUICK_TAKEOVER);
        ReplicaProcess a = two.get(0);
        ReplicaProcess b = two.get(1);
        awaitSegmentsHeldByBoth(a);
        ConcurrencyScenario scenario = new ConcurrencyScenario(eventStore(), a.admin);
        scenario.stockUp(SCARCITY);

        Load load = scenario.place(
                List.of(a.admin, b.admin), ORDERS, CLIENTS, ORDERS / 3, () -> pauseUntilItsSegmentsAreTaken(b));

        assertThat(load.otherStatuses()).as("answers other than 2xx").isEmpty();
        assertThat(load.unanswered()).isZero();
        assertThat(load.accepted()).hasSize(ORDERS);
        scenario.settle(load.accepted());
        assertThat(List.of(b.alive(), b.healthy())).as("the resumed replica").containsExactly(true, true);
        report("a replica paused past its claims", ORDERS, load);
    }

    /**
     * Pauses the replica until the other has taken one of its segments: its claims outlived. A segment whose token row
     * a transaction of the paused replica holds (a batch under way) waits for it, as PostgreSQL keeps that transaction
     * open: those are taken, or given back, once it is resumed.
     */
    private void pauseUntilItsSegmentsAreTaken(ReplicaProcess replica) {
        List<String> held = segmentsOf(replica.name);
        replica.pause();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> held.stream()
                            .anyMatch(segment -> !segmentsOf(replica.name).contains(segment)));
        } finally {
            replica.resume();
        }
    }

    private List<String> segmentsOf(String replica) {
        return eventStore()
                .queryForList(
                        "SELECT processorname || '/' || segment FROM tokenentry WHERE owner = ?",
                        String.class,
                        replica);
    }
}
