package io.sourced.query.integration;

import static io.sourced.query.integration.ExternalSystems.CRM_URL;
import static io.sourced.query.integration.ExternalSystems.SHIPPING_URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.eventhandling.ReplayStatus.REGULAR;
import static org.axonframework.eventhandling.ReplayStatus.REPLAY;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.query.ViewDatabase;
import io.sourced.query.integration.StubServer.Reply;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

class ReplaySafeGatewayTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final String GOLD = "{\"tier\":\"GOLD\"}";
    private static final String BRONZE = "{\"tier\":\"BRONZE\"}";

    private final StubServer crm = new StubServer();
    private final StubServer partner = new StubServer();
    private final JdbcTemplate jdbc = ViewDatabase.migrated();
    private final MockEnvironment environment = new MockEnvironment()
            .withProperty(CRM_URL, crm.url("/crm/"))
            .withProperty(SHIPPING_URL, partner.url("/partner"));
    private final List<Duration> waits = new ArrayList<>();
    private Runnable onWait = () -> {};

    private final CustomerId customer = CustomerId.random();
    private final OrderId orderId = OrderId.random();
    private final ProductId product = ProductId.random();
    private final OrderAcceptedEvent accepted = new OrderAcceptedEvent(orderId, customer, new BigDecimal("12.50"));
    private final EventMessage<?> event = GenericEventMessage.asEventMessage(accepted);

    @AfterEach
    void stopServers() {
        crm.close();
        partner.close();
    }

    private ReplaySafeGateway gateway() {
        return gateway(new IntegrationSettings(Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMillis(300)));
    }

    private ReplaySafeGateway gateway(IntegrationSettings settings) {
        Sleeper recording = duration -> {
            waits.add(duration);
            onWait.run();
        };
        return new ReplaySafeGateway(
                jdbc,
                new ExternalSystems(environment, settings),
                settings,
                recording,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private List<Map<String, Object>> journal() {
        return jdbc.queryForList("SELECT event_id, system, request, answer FROM external_journal");
    }

    @Test
    void tierOf_live_asksTheCrmOnce_andJournalsTheAnswerAgainstTheEvent() {
        crm.answer(200, GOLD);

        Tier tier = gateway().tierOf(customer, event, REGULAR);

        assertThat(tier).isEqualTo(Tier.GOLD);
        assertThat(crm.requests())
                .extracting(StubServer.Request::method, StubServer.Request::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "/crm/customers/" + customer + "/tier"));
        assertThat(journal())
                .containsExactly(Map.of(
                        "event_id",
                        event.getIdentifier(),
                        "system",
                        "crm",
                        "request",
                        "GET /customers/" + customer + "/tier",
                        "answer",
                        GOLD));
        assertThat(jdbc.queryForObject("SELECT answered_at FROM external_journal", java.time.OffsetDateTime.class)
                        .toInstant())
                .isEqualTo(NOW);
    }

    @Test
    void tierOf_replayed_answersWhatTheCrmSaidLive_withoutCallingIt_althoughItsAnswerChanged() {
        crm.answer(200, GOLD);
        gateway().tierOf(customer, event, REGULAR);
        crm.answer(200, BRONZE);

        Tier replayed = gateway().tierOf(customer, event, REPLAY);

        assertThat(replayed).isEqualTo(Tier.GOLD);
        assertThat(crm.requests()).hasSize(1);
    }

    @Test
    void tierOf_replayedWithoutAJournaledAnswer_failsLoudly_andCallsNobody() {
        crm.answer(200, GOLD);

        assertThatThrownBy(() -> gateway().tierOf(customer, event, REPLAY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(event.getIdentifier())
                .hasMessageContaining("never asks the CRM");
        assertThat(crm.requests()).isEmpty();
        assertThat(journal()).isEmpty();
    }

    @Test
    void tierOf_liveAgainForAJournaledEvent_answersFromTheJournal() {
        crm.answer(200, GOLD);
        gateway().tierOf(customer, event, REGULAR);
        crm.answer(200, BRONZE);

        assertThat(gateway().tierOf(customer, event, REGULAR)).isEqualTo(Tier.GOLD);
        assertThat(crm.requests()).hasSize(1);
        assertThat(journal()).hasSize(1);
    }

    @Test
    void tierOf_crmFailing_isRetriedWithDoublingBackoffUpToTheCeiling_andOnlyTheAnswerIsJournaled() {
        crm.answer(Reply.of(503, ""), Reply.of(500, "oops"), Reply.of(503, ""), Reply.of(502, ""), Reply.of(200, GOLD));

        Tier tier = gateway().tierOf(customer, event, REGULAR);

        assertThat(tier).isEqualTo(Tier.GOLD);
        assertThat(waits)
                .containsExactly(
                        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(300));
        assertThat(crm.requests()).hasSize(5);
        assertThat(journal()).extracting(row -> row.get("answer")).containsExactly(GOLD);
    }

    @Test
    void tierOf_crmAnsweringNoKnownTier_isRetried_neverGuessed() {
        crm.answer(Reply.of(200, "{\"tier\":\"PLATINUM\"}"), Reply.of(200, "{}"), Reply.of(200, BRONZE));

        assertThat(gateway().tierOf(customer, event, REGULAR)).isEqualTo(Tier.BRONZE);
        assertThat(waits).hasSize(2);
        assertThat(journal()).extracting(row -> row.get("answer")).containsExactly(BRONZE);
    }

    @Test
    void tierOf_crmUnreachable_waitsUntilItIsReachable_readingItsAddressAtEachAttempt() {
        StubServer gone = new StubServer();
        environment.setProperty(CRM_URL, gone.url("/crm"));
        gone.close();
        crm.answer(200, GOLD);
        onWait = () -> {
            if (waits.size() == 3) {
                environment.setProperty(CRM_URL, crm.url("/crm"));
            }
        };

        assertThat(gateway().tierOf(customer, event, REGULAR)).isEqualTo(Tier.GOLD);
        assertThat(waits).hasSize(3);
        assertThat(crm.requests()).hasSize(1);
    }

    @Test
    void tierOf_crmTooSlow_isCutOffByTheTimeout_andAskedAgain() {
        crm.answer(Reply.stalled(), Reply.of(200, GOLD));
        IntegrationSettings settings =
                new IntegrationSettings(Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(100));

        assertThat(gateway(settings).tierOf(customer, event, REGULAR)).isEqualTo(Tier.GOLD);
        assertThat(waits).hasSize(1);
        assertThat(crm.requests()).hasSize(2);
    }

    @Test
    void tierOf_interruptedWhileWaiting_givesUpAndKeepsTheInterrupt() {
        crm.answer(503, "");
        onWait = () -> Thread.currentThread().interrupt();

        try {
            assertThatThrownBy(() -> gateway().tierOf(customer, event, REGULAR))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(journal()).isEmpty();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void shipOrder_live_postsTheLinesOnceWithTheOrderIdAsIdempotencyKey_andJournalsTheAnswer() {
        partner.answer(201, "{\"shipmentId\":\"s-1\"}");

        gateway().shipOrder(accepted, List.of(new OrderLine(product, 2)), event, REGULAR);

        assertThat(partner.requests())
                .containsExactly(new StubServer.Request(
                        "POST",
                        "/partner/shipments",
                        orderId.value(),
                        "{\"orderId\":\"" + orderId + "\",\"lines\":[{\"productId\":\"" + product
                                + "\",\"quantity\":2}]}"));
        assertThat(journal())
                .extracting(row -> row.get("system") + " " + row.get("answer"))
                .containsExactly("shipping 201 {\"shipmentId\":\"s-1\"}");
    }

    @Test
    void shipOrder_replayed_postsNothing() {
        gateway().shipOrder(accepted, List.of(new OrderLine(product, 2)), event, REPLAY);

        assertThat(partner.requests()).isEmpty();
        assertThat(journal()).isEmpty();
    }

    @Test
    void shipOrder_liveAgainForAJournaledEvent_postsNothingMore() {
        ReplaySafeGateway gateway = gateway();
        gateway.shipOrder(accepted, List.of(new OrderLine(product, 2)), event, REGULAR);

        gateway.shipOrder(accepted, List.of(new OrderLine(product, 2)), event, REGULAR);

        assertThat(partner.requests()).hasSize(1);
    }

    @Test
    void shipOrder_partnerDown_isRetriedUntilItTakesTheShipment_withTheSameKey() {
        partner.answer(Reply.of(503, ""), Reply.of(429, ""), Reply.of(408, ""), Reply.of(500, ""), Reply.of(200, "{}"));

        gateway().shipOrder(accepted, List.of(new OrderLine(product, 1)), event, REGULAR);

        assertThat(partner.requests())
                .hasSize(5)
                .extracting(StubServer.Request::idempotencyKey)
                .containsOnly(orderId.value());
        assertThat(waits).hasSize(4);
        assertThat(journal()).hasSize(1);
    }

    @Test
    void shipOrder_conflict_meansAlreadyShipped_andIsDone() {
        partner.answer(409, "{\"detail\":\"already shipped\"}");

        gateway().shipOrder(accepted, List.of(new OrderLine(product, 1)), event, REGULAR);

        assertThat(partner.requests()).hasSize(1);
        assertThat(waits).isEmpty();
        assertThat(journal())
                .extracting(row -> row.get("answer"))
                .containsExactly("409 {\"detail\":\"already shipped\"}");
    }

    @Test
    void shipOrder_refusedByThePartner_isJournaled_notRetried() {
        partner.answer(422, "{\"detail\":\"no delivery to the moon\"}");

        gateway().shipOrder(accepted, List.of(new OrderLine(product, 1)), event, REGULAR);

        assertThat(partner.requests()).hasSize(1);
        assertThat(waits).isEmpty();
        assertThat(journal())
                .extracting(row -> row.get("answer"))
                .containsExactly("422 {\"detail\":\"no delivery to the moon\"}");
    }

    @Test
    void shipOrder_badRequest_isOurBug_propagatesWithoutRetryOrJournal() {
        partner.answer(400, "{\"detail\":\"lines missing\"}");

        assertThatThrownBy(() -> gateway().shipOrder(accepted, List.of(new OrderLine(product, 1)), event, REGULAR))
                .isInstanceOf(ShipmentNotAcceptedException.class)
                .hasMessageContaining("400");
        assertThat(partner.requests()).hasSize(1);
        assertThat(waits).isEmpty();
        assertThat(journal()).isEmpty();
    }
}
