package io.sourced.query.operations;

import io.sourced.api.operations.SegmentClaim;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

/**
 * The running processors, across replicas: stopped here and, through {@link ReplayRequests}, on every other replica
 * until their segments are released; then started again everywhere.
 */
class LiveProcessors implements ViewRebuild.Processors {

    private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RELEASE_POLL = Duration.ofMillis(200);

    private final EventProcessingConfiguration processing;
    private final ReplayRequests requests;
    private final TokenStore tokens;
    private final SegmentClaims claims;

    LiveProcessors(
            EventProcessingConfiguration processing, ReplayRequests requests, TokenStore tokens, SegmentClaims claims) {
        this.processing = processing;
        this.requests = requests;
        this.tokens = tokens;
        this.claims = claims;
    }

    @Override
    public boolean stopEverywhere(List<String> names) {
        names.forEach(requests::request);
        try {
            List<CompletableFuture<Void>> stopped = names.stream()
                    .map(processing::eventProcessor)
                    .flatMap(Optional::stream)
                    .map(EventProcessor::shutdownAsync)
                    .toList();
            CompletableFuture.allOf(stopped.toArray(CompletableFuture[]::new))
                    .get(RELEASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + RELEASE_TIMEOUT.toNanos();
            while (!names.stream().allMatch(requests::unclaimed)) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(RELEASE_POLL.toMillis());
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping " + names, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not stop " + names, e);
        }
    }

    @Override
    public void startEverywhere(List<String> names) {
        for (String name : names) {
            try {
                processing.eventProcessor(name).ifPresent(EventProcessor::start);
            } finally {
                requests.withdraw(name);
            }
        }
    }

    @Override
    public void placeTokens(List<String> names, TrackingToken position) {
        for (String name : names) {
            int[] segments = tokens.fetchSegments(name);
            if (segments.length == 0) {
                throw new IllegalStateException(name + " has never run: it has no token to move");
            }
            for (int segment : segments) {
                tokens.fetchToken(name, segment);
                tokens.storeToken(position, name, segment);
                tokens.releaseClaim(name, segment);
            }
        }
    }

    @Override
    public long reached(List<String> names) {
        Map<String, List<SegmentClaim>> stored = claims.byProcessor();
        List<SegmentClaim> segments = names.stream()
                .flatMap(name -> stored.getOrDefault(name, List.of()).stream())
                .toList();
        if (segments.isEmpty()) {
            return Long.MAX_VALUE;
        }
        return segments.stream()
                .mapToLong(segment -> segment.position() == null ? -1 : segment.position())
                .min()
                .orElseThrow();
    }
}
