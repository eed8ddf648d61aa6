package io.sourced.api.operations;

/**
 * The order workflow's backlog, and the admission of new orders it decides.
 *
 * @param admission           whether new orders are refused while the workflow is behind
 * @param limitSeconds        the longest a new order may be expected to wait for its decision
 * @param pendingOrders       orders placed and not yet accepted, rejected or cancelled
 * @param decidedPerSecond    orders decided a second, lately
 * @param oldestPendingSeconds how long the oldest pending order has waited
 * @param expectedWaitSeconds how long an order placed now would wait for its decision
 * @param refusing            whether new orders are refused now
 * @param refusedOrders       orders refused by the answering replica since it started
 */
public record WorkflowBacklogView(
        boolean admission,
        double limitSeconds,
        int pendingOrders,
        double decidedPerSecond,
        double oldestPendingSeconds,
        double expectedWaitSeconds,
        boolean refusing,
        long refusedOrders) {}
