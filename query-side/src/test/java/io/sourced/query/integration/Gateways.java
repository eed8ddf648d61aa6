package io.sourced.query.integration;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

/** A gateway on stand-in systems for other packages' tests, and events as a tracking processor delivers them. */
public final class Gateways {

    private Gateways() {}

    /** A gateway whose CRM and shipping partner are at these base URLs; it retries at once, without waiting. */
    public static ReplaySafeGateway on(JdbcTemplate jdbc, String crmUrl, String shippingUrl) {
        IntegrationSettings settings =
                new IntegrationSettings(Duration.ofSeconds(2), Duration.ofMillis(1), Duration.ofMillis(1));
        MockEnvironment environment = new MockEnvironment()
                .withProperty(ExternalSystems.CRM_URL, crmUrl)
                .withProperty(ExternalSystems.SHIPPING_URL, shippingUrl);
        return new ReplaySafeGateway(
                jdbc, new ExternalSystems(environment, settings), settings, duration -> {}, Clock.systemUTC());
    }

    /** The event delivered live, at this position of the log. */
    public static TrackedEventMessage<?> live(EventMessage<?> event, long position) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position), event);
    }

    /** The event delivered again by a replay (the processor was reset after position 1000). */
    public static TrackedEventMessage<?> replayed(EventMessage<?> event, long position) {
        return new GenericTrackedEventMessage<>(
                new ReplayToken(new GlobalSequenceTrackingToken(1000), new GlobalSequenceTrackingToken(position)),
                event);
    }
}
