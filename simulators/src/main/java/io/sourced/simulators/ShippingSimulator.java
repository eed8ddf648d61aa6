package io.sourced.simulators;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stands in for the shipping partner (switched on by {@link Simulators}): accepts shipments, idempotent by
 * their {@code Idempotency-Key} (a repeated key answers 200 with the first shipment and records nothing new), and
 * lists what it received. It keeps them in memory only, the latest {@value #KEPT} of them: a restart forgets them, and
 * a long run (a soak) does not make it grow without end.
 */
@Hidden
@RestController
@RequestMapping("/sim/shipping")
class ShippingSimulator {

    record Line(@NotBlank String productId, @Min(1) int quantity) {}

    record ShipmentRequest(
            @NotBlank String orderId, @NotEmpty List<@NotNull @Valid Line> lines) {}

    record Shipment(String shipmentId, String idempotencyKey, String orderId, List<Line> lines, Instant receivedAt) {}

    static final int KEPT = 10_000;

    private final Map<String, Shipment> byKey = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Shipment> eldest) {
            return size() > KEPT;
        }
    };

    @PostMapping("/shipments")
    ResponseEntity<Shipment> ship(
            @RequestHeader("Idempotency-Key") String key, @Valid @RequestBody ShipmentRequest request) {
        synchronized (byKey) {
            Shipment first = byKey.get(key);
            if (first != null) {
                return ResponseEntity.ok(first);
            }
            Shipment shipment = new Shipment(
                    UUID.randomUUID().toString(), key, request.orderId(), List.copyOf(request.lines()), Instant.now());
            byKey.put(key, shipment);
            return ResponseEntity.status(HttpStatus.CREATED).body(shipment);
        }
    }

    @GetMapping("/shipments")
    List<Shipment> shipments() {
        synchronized (byKey) {
            return new ArrayList<>(byKey.values());
        }
    }
}
