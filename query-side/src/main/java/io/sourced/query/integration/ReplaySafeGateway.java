package io.sourced.query.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.query.integration.ExternalSystems.Reply;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place that talks to systems outside ours, told by each event handler whether its event is live or
 * replayed. Live, it asks (retrying with back-off until the system answers: the event waits, it is neither
 * dropped nor answered with a guess) and journals the answer against the event in the handler's transaction;
 * replayed, it answers from the journal and never calls out, so a rebuilt view equals the original even though
 * the outside data changed since.
 */
@Component
public class ReplaySafeGateway {

    static final String CRM = "crm";
    static final String SHIPPING = "shipping";

    private static final Logger log = LoggerFactory.getLogger(ReplaySafeGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExternalJournal journal;
    private final ExternalSystems systems;
    private final Backoff backoff;
    private final Clock clock;

    @Autowired
    ReplaySafeGateway(JdbcTemplate jdbc, ExternalSystems systems, IntegrationSettings settings) {
        this(jdbc, systems, settings, Sleeper.real(), Clock.systemUTC());
    }

    ReplaySafeGateway(
            JdbcTemplate jdbc, ExternalSystems systems, IntegrationSettings settings, Sleeper sleeper, Clock clock) {
        this.journal = new ExternalJournal(jdbc);
        this.systems = systems;
        this.backoff = new Backoff(settings.firstBackoff(), settings.maxBackoff(), sleeper);
        this.clock = clock;
    }

    /**
     * The customer's tier as the CRM answered it when the event was first handled live ({@code GET
     * {crm}/customers/{id}/tier} → {@code {"tier":"GOLD"}}).
     *
     * @throws IllegalStateException during a replay of an event whose answer was never journaled: a replay never
     *                               asks outside systems
     */
    public Tier tierOf(CustomerId customer, EventMessage<?> event, ReplayStatus replayStatus) {
        return tiersOf(List.of(new TierAsked(customer, event)), replayStatus).get(0);
    }

    /** A customer's tier asked for an event. */
    public record TierAsked(CustomerId customer, EventMessage<?> event) {}

    /**
     * The tiers asked for several events, in their order: the journaled answers read in one query, the CRM asked
     * live for the others (never in a replay, which fails instead).
     */
    public List<Tier> tiersOf(List<TierAsked> asked, ReplayStatus replayStatus) {
        Map<String, String> journaled = journal.answers(
                asked.stream().map(a -> a.event().getIdentifier()).toList(), CRM);
        return asked.stream()
                .map(a -> journaled.containsKey(a.event().getIdentifier())
                        ? journaledTier(a.event(), journaled.get(a.event().getIdentifier()))
                        : liveTier(a.customer(), a.event(), replayStatus))
                .toList();
    }

    private Tier journaledTier(EventMessage<?> event, String answer) {
        return tierIn(answer)
                .orElseThrow(() -> new IllegalStateException(
                        "The journaled CRM answer for event " + event.getIdentifier() + " names no tier: " + answer));
    }

    private Tier liveTier(CustomerId customer, EventMessage<?> event, ReplayStatus replayStatus) {
        if (replayStatus.isReplay()) {
            throw new IllegalStateException("Replaying event " + event.getIdentifier() + " ("
                    + event.getPayloadType().getSimpleName() + ") needs the CRM's tier of customer " + customer
                    + " as journaled live, and "
                    + "there is none; a replay never asks the CRM");
        }
        String path = "/customers/" + customer + "/tier";
        String answer = backoff.untilDone("Asking the CRM for the tier of customer " + customer, () -> {
            Reply reply = systems.get(systems.crm(path));
            if (reply.status() != 200) {
                throw new ExternalSystemFailure("the CRM answered " + reply.status());
            }
            if (tierIn(reply.body()).isEmpty()) {
                throw new ExternalSystemFailure("the CRM answered no known tier: " + reply.body());
            }
            return reply.body();
        });
        journal.record(event.getIdentifier(), CRM, "GET " + path, answer, clock.instant());
        return tierIn(answer).orElseThrow();
    }

    /**
     * Tells the shipping partner to ship an accepted order ({@code POST {shipping}/shipments} with the order id as
     * {@code Idempotency-Key}), at least once: retried with back-off while the partner fails, journaled once it
     * answered. A replay ships nothing. 409 means already shipped (success); 422 means the partner refused the
     * shipment for a reason of its own (journaled, logged, not retried); any other 4xx is a bug on our side and
     * propagates, so the event waits for a fix.
     */
    public void shipOrder(
            OrderAcceptedEvent accepted, List<OrderLine> lines, EventMessage<?> event, ReplayStatus replayStatus) {
        if (replayStatus.isReplay()
                || journal.answer(event.getIdentifier(), SHIPPING).isPresent()) {
            return;
        }
        OrderId orderId = accepted.orderId();
        String request = json(new ShipmentRequest(orderId, lines));
        Reply reply = backoff.untilDone("Shipping order " + orderId, () -> {
            Reply answer =
                    systems.post(systems.shipping("/shipments"), request, Map.of("Idempotency-Key", orderId.value()));
            int status = answer.status();
            if (status >= 500 || status == 408 || status == 429) {
                throw new ExternalSystemFailure("the shipping partner answered " + status);
            }
            if ((status < 200 || status >= 300) && status != 409 && status != 422) {
                log.error("The shipping partner answered {} to order {}: {}", status, orderId, answer.body());
                throw new ShipmentNotAcceptedException("The shipping partner answered " + status + " to order "
                        + orderId + ": our request is wrong, fix it and the event is handled again");
            }
            return answer;
        });
        if (reply.status() == 422) {
            log.warn("The shipping partner refused order {}: {}", orderId, reply.body());
        }
        journal.record(
                event.getIdentifier(),
                SHIPPING,
                "POST /shipments " + request,
                reply.status() + " " + reply.body(),
                clock.instant());
    }

    record ShipmentRequest(OrderId orderId, List<OrderLine> lines) {}

    private static Optional<Tier> tierIn(String answer) {
        try {
            JsonNode tier = JSON.readTree(answer).path("tier");
            return tier.isTextual() ? Optional.of(Tier.valueOf(tier.asText())) : Optional.empty();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value + " as JSON", e);
        }
    }
}
