package io.sourced.bench;

import java.time.Duration;

/**
 * How big and how long each measure is. The full scale keeps the whole run near 15 minutes on 2 cores, plus up to 8
 * (16 with a previous jar) while the workflow's warm-ups wait for the application's JIT compilation to quiet down, and
 * the timeline step's minutes (until its first timeline over the full history stalls, as long as the engine holds that
 * history in memory); the quick one only proves that every step works.
 *
 * @param warmup       load before the first measured repetition of a step (not recorded); a workflow step's lasts
 *                     until the application's JIT compilation is quiet, or its cap
 * @param step         one measured repetition of a load step
 * @param repetitions  measured repetitions of every measure (median and spread printed)
 * @param concurrency  clients of the closed-loop workflow and senders of the append step
 * @param arrivalRate  orders a second offered by the open-loop workflow; 0: half the highest rate the open-loop ramp sustained
 * @param drainLimit   at most this long for the orders of a step to reach a terminal status in the view
 * @param customers    customers opened through the API before the load (orders pick one at random)
 * @param products     products registered through the API before the load (single-line orders pick one)
 * @param historyOrders orders of the generated history replayed (five events each)
 * @param replayLimit  a replay still running after this long is measured by how far it got
 * @param rebuildLimit a rebuild of every view (measured to completion) still running after this long fails the step
 * @param timelineLimit a what-if timeline over the generated history not done after this long fails the step
 * @param startups     start-ups measured on each of the empty and the full database
 * @param soak         how long the soak mode keeps its half load
 */
record Scale(
        WarmUp warmup,
        Duration step,
        int repetitions,
        int concurrency,
        int arrivalRate,
        Duration drainLimit,
        int customers,
        int products,
        int historyOrders,
        Duration replayLimit,
        Duration rebuildLimit,
        Duration timelineLimit,
        int startups,
        Duration soak) {

    static Scale full() {
        return new Scale(
                new WarmUp(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(180)),
                Duration.ofSeconds(10),
                3,
                16,
                0,
                Duration.ofSeconds(30),
                32,
                32,
                200_000,
                Duration.ofSeconds(60),
                Duration.ofMinutes(20),
                Duration.ofMinutes(20),
                3,
                Duration.ofMinutes(10));
    }

    static Scale quick() {
        return new Scale(
                new WarmUp(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10)),
                Duration.ofSeconds(3),
                3,
                16,
                0,
                Duration.ofSeconds(10),
                8,
                8,
                4_000,
                Duration.ofSeconds(5),
                Duration.ofMinutes(2),
                Duration.ofMinutes(2),
                1,
                Duration.ofMinutes(2));
    }

    Scale withArrivalRate(int perSecond) {
        return new Scale(
                warmup,
                step,
                repetitions,
                concurrency,
                perSecond,
                drainLimit,
                customers,
                products,
                historyOrders,
                replayLimit,
                rebuildLimit,
                timelineLimit,
                startups,
                soak);
    }

    /** Another size of the generated history, for the replay and timeline steps. */
    Scale withHistoryOrders(int orders) {
        return new Scale(
                warmup,
                step,
                repetitions,
                concurrency,
                arrivalRate,
                drainLimit,
                customers,
                products,
                orders,
                replayLimit,
                rebuildLimit,
                timelineLimit,
                startups,
                soak);
    }

    /** Events in the generated history: five for each order, two for each customer, one for each product. */
    int historyEvents() {
        return historyOrders * OrderHistory.EVENTS_PER_ORDER + customers * 2 + products;
    }
}
