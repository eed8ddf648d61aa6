package io.sourced.api.timelines;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What the orders placed in a period came to, the same figures for the log ("actual") and for a timeline
 * ("whatIf").
 *
 * @param ordersPlaced orders placed in the period
 * @param accepted     of those, accepted
 * @param rejected     of those, rejected, by reason
 * @param cancelled    of those, cancelled
 * @param revenue      the totals of those accepted
 * @param unitsSold    units of those accepted, sold
 * @param unitsLost    units their reservations asked for and did not get for want of stock
 */
public record Outcome(
        long ordersPlaced,
        long accepted,
        Map<String, Long> rejected,
        long cancelled,
        BigDecimal revenue,
        long unitsSold,
        long unitsLost) {

    public Outcome {
        rejected = Map.copyOf(rejected);
    }
}
