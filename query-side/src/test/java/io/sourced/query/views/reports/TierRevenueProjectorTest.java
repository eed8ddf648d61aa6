package io.sourced.query.views.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.ReturnRefundedEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.ReturnId;
import io.sourced.query.ViewDatabase;
import io.sourced.query.integration.Gateways;
import io.sourced.query.integration.StubServer;
import io.sourced.query.integration.Tier;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class TierRevenueProjectorTest {

    private final StubServer crm = new StubServer();
    private final JdbcTemplate jdbc = ViewDatabase.migrated();
    private final TierRevenueProjector projector =
            new TierRevenueProjector(Gateways.on(jdbc, crm.url("/crm"), "http://127.0.0.1:9/unused"), jdbc);
    private final AnnotationEventHandlerAdapter axon = new AnnotationEventHandlerAdapter(projector);
    private final CustomerId alice = CustomerId.random();
    private final CustomerId bob = CustomerId.random();

    @AfterEach
    void stop() {
        crm.close();
    }

    private static EventMessage<?> accepted(CustomerId customer, String total) {
        return GenericEventMessage.asEventMessage(
                new OrderAcceptedEvent(OrderId.random(), customer, new BigDecimal(total)));
    }

    private List<TierRevenue> report() {
        return new TierRevenueQueries(jdbc).all();
    }

    private static TierRevenue row(Tier tier, long orders, String revenue) {
        return new TierRevenue(tier, orders, new BigDecimal(revenue));
    }

    @Test
    void orderAccepted_live_addsTheTotalToTheTierTheCrmAnswers() throws Exception {
        crm.answer(200, "{\"tier\":\"GOLD\"}");
        axon.handle(Gateways.live(accepted(alice, "10.50"), 1));
        axon.handle(Gateways.live(accepted(alice, "4.50"), 2));
        crm.answer(200, "{\"tier\":\"BRONZE\"}");
        axon.handle(Gateways.live(accepted(bob, "7.00"), 3));

        assertThat(report())
                .containsExactly(row(Tier.GOLD, 2, "15.00"), row(Tier.SILVER, 0, "0.00"), row(Tier.BRONZE, 1, "7.00"));
        assertThat(crm.requests()).hasSize(3);
    }

    @Test
    void orderAccepted_replayedAfterReset_rebuildsTheSameReport_withoutAskingTheCrm_althoughItsAnswersChanged()
            throws Exception {
        List<EventMessage<?>> events =
                List.of(accepted(alice, "10.00"), accepted(bob, "3.00"), accepted(alice, "2.00"));
        crm.answer(200, "{\"tier\":\"SILVER\"}");
        for (int i = 0; i < events.size(); i++) {
            axon.handle(Gateways.live(events.get(i), i));
        }
        List<TierRevenue> original = report();
        crm.answer(200, "{\"tier\":\"GOLD\"}");

        axon.prepareReset();
        assertThat(ViewDatabase.count(jdbc, "tier_revenue_report")).isZero();
        for (int i = 0; i < events.size(); i++) {
            axon.handle(Gateways.replayed(events.get(i), i));
        }

        assertThat(report()).isEqualTo(original).contains(row(Tier.SILVER, 3, "15.00"));
        assertThat(crm.requests()).hasSize(3);
        assertThat(ViewDatabase.count(jdbc, "external_journal")).isEqualTo(3);
    }

    @Test
    void orderAccepted_replayedWithoutJournaledTier_fails_andCountsNothing() {
        crm.answer(200, "{\"tier\":\"GOLD\"}");

        assertThatThrownBy(() -> axon.handle(Gateways.replayed(accepted(alice, "1.00"), 1)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ViewDatabase.count(jdbc, "tier_revenue_report")).isZero();
        assertThat(crm.requests()).isEmpty();
    }

    @Test
    void returnRefunded_takesTheRefundFromTheTierItsOrderWentTo_whateverTheTierNow_andAReplayAlike() throws Exception {
        OrderId order = OrderId.random();
        List<EventMessage<?>> events = List.of(
                GenericEventMessage.asEventMessage(new OrderAcceptedEvent(order, alice, new BigDecimal("10.00"))),
                GenericEventMessage.asEventMessage(new ReturnRefundedEvent(
                        alice, order, ReturnId.random(), new BigDecimal("4.00"), new BigDecimal("94.00"))));
        crm.answer(200, "{\"tier\":\"GOLD\"}");
        axon.handle(Gateways.live(events.get(0), 1));
        crm.answer(200, "{\"tier\":\"BRONZE\"}");
        axon.handle(Gateways.live(events.get(1), 2));

        assertThat(report())
                .containsExactly(row(Tier.GOLD, 1, "6.00"), row(Tier.SILVER, 0, "0.00"), row(Tier.BRONZE, 0, "0.00"));
        assertThat(crm.requests()).as("a refund asks the CRM nothing").hasSize(1);

        axon.prepareReset();
        assertThat(ViewDatabase.count(jdbc, "report_order_tier")).isZero();
        axon.handle(Gateways.replayed(events.get(0), 1));
        axon.handle(Gateways.replayed(events.get(1), 2));

        assertThat(report()).contains(row(Tier.GOLD, 1, "6.00"));
    }

    @Test
    void returnRefunded_ofAnOrderNeverCounted_fails_andCountsNothing() {
        EventMessage<?> refund = GenericEventMessage.asEventMessage(
                new ReturnRefundedEvent(alice, OrderId.random(), ReturnId.random(), BigDecimal.ONE, BigDecimal.TEN));

        assertThatThrownBy(() -> axon.handle(Gateways.live(refund, 1))).isInstanceOf(IllegalStateException.class);
        assertThat(ViewDatabase.count(jdbc, "tier_revenue_report")).isZero();
    }

    @Test
    void report_withoutOrders_listsEveryTierWithZeros() {
        assertThat(report())
                .containsExactly(row(Tier.GOLD, 0, "0.00"), row(Tier.SILVER, 0, "0.00"), row(Tier.BRONZE, 0, "0.00"));
    }
}
