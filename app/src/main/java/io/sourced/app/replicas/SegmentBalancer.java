package io.sourced.app.replicas;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Spreads each streaming processor's segments over the replicas that run it. A replica claims every segment nobody
 * holds, so the first one up holds them all; each replica then releases what it holds beyond its fair share, for
 * long enough that a replica with less claims it. A dead replica's claims expire and the survivors take them.
 */
@Component
class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final ReplicaRegistry registry;
    private final ReplicaSettings settings;
    private final Clock clock;
    private final Map<String, Instant> lastRelease = new HashMap<>();

    SegmentBalancer(
            EventProcessingConfiguration processing,
            TokenStore tokenStore,
            ReplicaRegistry registry,
            ReplicaSettings settings) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.registry = registry;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    /** How many segments one of {@code replicas} replicas should hold at most, rounded up so that all are held. */
    static int fairShare(int segments, int replicas) {
        return replicas <= 0 ? segments : (segments + replicas - 1) / replicas;
    }

    /** The segments to give up: the highest-numbered beyond the fair share. */
    static List<Integer> toRelease(List<Integer> held, int fairShare) {
        return held.size() <= fairShare
                ? List.of()
                : held.stream().sorted().skip(fairShare).toList();
    }

    void balance() {
        List<ReplicaRegistry.Replica> replicas = registry.replicas();
        processing.eventProcessors().values().forEach(processor -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                balance(streaming, (int) replicas.stream()
                        .filter(replica ->
                                replica.alive() && replica.processors().contains(processor.getName()))
                        .count());
            }
        });
    }

    private void balance(StreamingEventProcessor processor, int replicasRunningIt) {
        String name = processor.getName();
        Instant now = clock.instant();
        // a released segment is not claimed back before twice the release: the others have had their chance
        if (lastRelease.containsKey(name)
                && lastRelease.get(name).plus(releaseTime().multipliedBy(2)).isAfter(now)) {
            return;
        }
        int segments = tokenStore.fetchSegments(name).length;
        List<Integer> release = toRelease(
                List.copyOf(processor.processingStatus().keySet()),
                fairShare(segments, Math.max(1, replicasRunningIt)));
        if (!release.isEmpty()) {
            log.info("{}: {} replicas run it, releasing segments {} of {}", name, replicasRunningIt, release, segments);
            release.forEach(
                    segment -> processor.releaseSegment(segment, releaseTime().toMillis(), TimeUnit.MILLISECONDS));
            lastRelease.put(name, now);
        }
    }

    /** Long enough for another replica to see the segment free and claim it. */
    private java.time.Duration releaseTime() {
        return settings.balanceInterval().multipliedBy(3);
    }

    @Scheduled(
            fixedDelayString = "${sourced.replica.balance-interval:5s}",
            initialDelayString = "${sourced.replica.balance-interval:5s}")
    void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            log.warn("Segment balancing failed: {}", e.getMessage());
        }
    }
}
