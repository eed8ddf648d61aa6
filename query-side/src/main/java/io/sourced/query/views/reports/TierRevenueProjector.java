package io.sourced.query.views.reports;

import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.batching.BatchScope;
import io.sourced.query.integration.ReplaySafeGateway;
import io.sourced.query.integration.ReplaySafeGateway.TierAsked;
import io.sourced.query.integration.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * answered then: live through the gateway (which journals the answer), on a replay from that journal. The row
 * update commits with the journal entry and the token, so an event is counted once.
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
        batch.handle(
                orders -> orders.add(new TierAsked(accepted.customerId(), message), accepted.total(), replayStatus));
    }

    /**
     * A batch's accepted orders: their tiers asked at once (as a replay asks, or not, by the batch's first order), the
     * report changed once per tier.
     */
    private final class Accepted {
        private final List<TierAsked> asked = new ArrayList<>();
        private final List<BigDecimal> totals = new ArrayList<>();
        private ReplayStatus replayStatus;

        void add(TierAsked tierAsked, BigDecimal total, ReplayStatus replayStatus) {
            if (this.replayStatus == null) {
                this.replayStatus = replayStatus;
            }
            asked.add(tierAsked);
            totals.add(total);
        }

        void write() {
            List<Tier> tiers = gateway.tiersOf(asked, replayStatus);
            Map<Tier, TierRevenue> byTier = new EnumMap<>(Tier.class);
            for (int i = 0; i < tiers.size(); i++) {
                byTier.merge(
                        tiers.get(i),
                        new TierRevenue(tiers.get(i), 1, totals.get(i)),
                        (a, b) -> new TierRevenue(
                                a.tier(), a.orders() + b.orders(), a.revenue().add(b.revenue())));
            }
            rows.add(byTier.values());
        }
    }

    @ResetHandler
    void reset() {
        rows.clear();
    }
}
