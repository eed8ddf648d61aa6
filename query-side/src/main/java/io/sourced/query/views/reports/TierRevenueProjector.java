package io.sourced.query.views.reports;

import io.sourced.api.finance.ReturnRefundedEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.batching.BatchScope;
import io.sourced.query.integration.ReplaySafeGateway;
import io.sourced.query.integration.ReplaySafeGateway.TierAsked;
import io.sourced.query.integration.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Attributes each accepted order's revenue to the tier its customer had when the order was accepted, as the CRM
 * answered then: live through the gateway (which journals the answer), on a replay from that journal; a return's
 * refund is taken from the tier its order's revenue went to. The row update commits with the journal entry and the
 * token, so an event is counted once.
 */
@Component
@ProcessingGroup(TierRevenueProjector.PROCESSING_GROUP)
class TierRevenueProjector {

    static final String PROCESSING_GROUP = "reports";

    private final ReplaySafeGateway gateway;
    private final TierRevenueRows rows;
    private final BatchScope<Accepted> batch = BatchScope.of(Accepted::new, Accepted::write);

    TierRevenueProjector(ReplaySafeGateway gateway, JdbcTemplate jdbc) {
        this.gateway = gateway;
        this.rows = new TierRevenueRows(jdbc);
    }

    /** The same projector keeping the report in the tables the template reaches (a rebuild's). */
    TierRevenueProjector reportingTo(JdbcTemplate jdbc) {
        return new TierRevenueProjector(gateway, jdbc);
    }

    @EventHandler
    void on(OrderAcceptedEvent accepted, EventMessage<?> message, ReplayStatus replayStatus) {
        batch.handle(orders -> orders.add(
                accepted.orderId().value(),
                new TierAsked(accepted.customerId(), message),
                accepted.total(),
                replayStatus));
    }

    @EventHandler
    void on(ReturnRefundedEvent refunded) {
        batch.handle(orders -> orders.refunded(refunded.orderId().value(), refunded.amount()));
    }

    /**
     * A batch's accepted orders and refunds: the orders' tiers asked at once (as a replay asks, or not, by the batch's
     * first order) and remembered, each refund taken from its order's tier (an order accepted in the same batch
     * included), the report changed once per tier.
     */
    private final class Accepted {
        private final List<String> orders = new ArrayList<>();
        private final List<TierAsked> asked = new ArrayList<>();
        private final List<BigDecimal> totals = new ArrayList<>();
        private final Map<String, BigDecimal> refunds = new LinkedHashMap<>();
        private ReplayStatus replayStatus;

        void add(String orderId, TierAsked tierAsked, BigDecimal total, ReplayStatus replayStatus) {
            if (this.replayStatus == null) {
                this.replayStatus = replayStatus;
            }
            orders.add(orderId);
            asked.add(tierAsked);
            totals.add(total);
        }

        void refunded(String orderId, BigDecimal amount) {
            refunds.merge(orderId, amount, BigDecimal::add);
        }

        void write() {
            List<Tier> tiers = asked.isEmpty() ? List.of() : gateway.tiersOf(asked, replayStatus);
            Map<String, Tier> tierOfOrder = new HashMap<>();
            Map<Tier, TierRevenue> byTier = new EnumMap<>(Tier.class);
            for (int i = 0; i < tiers.size(); i++) {
                tierOfOrder.put(orders.get(i), tiers.get(i));
                count(byTier, new TierRevenue(tiers.get(i), 1, totals.get(i)));
            }
            rows.remember(tierOfOrder);
            if (!refunds.isEmpty()) {
                Map<String, Tier> refunded = rows.tiersOf(refunds.keySet());
                refunds.forEach((order, amount) -> {
                    Tier tier = refunded.get(order);
                    if (tier == null) {
                        throw new IllegalStateException("A refund of order " + order + ", never counted as accepted");
                    }
                    count(byTier, new TierRevenue(tier, 0, amount.negate()));
                });
            }
            rows.add(byTier.values());
        }

        private static void count(Map<Tier, TierRevenue> byTier, TierRevenue more) {
            byTier.merge(
                    more.tier(),
                    more,
                    (a, b) -> new TierRevenue(
                            a.tier(), a.orders() + b.orders(), a.revenue().add(b.revenue())));
        }
    }

    @ResetHandler
    void reset() {
        rows.clear();
    }
}
