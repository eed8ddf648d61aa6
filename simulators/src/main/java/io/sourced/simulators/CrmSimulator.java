package io.sourced.simulators;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Stands in for the CRM (switched on by {@link Simulators}). A customer's tier changes over time, so that
 * replay safety can be seen: it is derived from the customer id and the current {@value #PERIOD_MINUTES}-minute
 * window of the clock (the hash of {@code "<customerId>/<window number>"}, modulo 3 over GOLD, SILVER, BRONZE),
 * deterministic for any instant.
 */
@Hidden
@RestController
@RequestMapping("/sim/crm")
class CrmSimulator {

    /** The CRM's own tiers: the simulator shares no type with the application it stands in for. */
    enum Tier {
        GOLD,
        SILVER,
        BRONZE
    }

    static final long PERIOD_MINUTES = 2;
    private static final long PERIOD_SECONDS =
            Duration.ofMinutes(PERIOD_MINUTES).toSeconds();

    @GetMapping("/customers/{customerId}/tier")
    Map<String, Tier> tier(@PathVariable String customerId) {
        try {
            return Map.of("tier", tierAt(UUID.fromString(customerId).toString(), Instant.now()));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No customer " + customerId);
        }
    }

    static Tier tierAt(String customerId, Instant at) {
        long window = Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
        Tier[] tiers = Tier.values();
        return tiers[Math.floorMod((customerId + "/" + window).hashCode(), tiers.length)];
    }
}
