package io.sourced.query.views.reports;

import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.query.integration.ReplaySafeGateway;
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
    private final TierRevenueReport report;

    TierRevenueProjector(ReplaySafeGateway gateway, JdbcTemplate jdbc) {
        this.gateway = gateway;
        this.report = new TierRevenueReport(jdbc);
    }

    /** The same projector keeping the report in the tables the template reaches (a rebuild's). */
    TierRevenueProjector reportingTo(JdbcTemplate jdbc) {
        return new TierRevenueProjector(gateway, jdbc);
    }

    @EventHandler
    void on(OrderAcceptedEvent accepted, EventMessage<?> message, ReplayStatus replayStatus) {
        report.add(gateway.tierOf(accepted.customerId(), message, replayStatus), accepted.total());
    }

    @ResetHandler
    void reset() {
        report.clear();
    }
}
