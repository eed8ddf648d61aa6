package io.sourced.query.log.consumers;

import io.sourced.api.consumers.ConsumerId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The feed as server-sent events: each open stream polls the log on a timer, its reads on Reactor's bounded pool, so
 * no thread waits for a client; a consumer holds at most {@code sourced.feed.max-streams} of them on a replica. Each
 * poll checks the token again: a token rotated or a consumer disabled ends its streams at the next poll.
 */
@Component
class FeedStreams {

    /** At most this many events a poll. */
    static final int BATCH = 1000;

    private final ConsumerRegistry registry;
    private final ConsumerFeed feed;
    private final FeedSettings settings;
    private final ConcurrentHashMap<ConsumerId, AtomicInteger> open = new ConcurrentHashMap<>();

    FeedStreams(ConsumerRegistry registry, ConsumerFeed feed, FeedSettings settings) {
        this.registry = registry;
        this.feed = feed;
        this.settings = settings;
    }

    /**
     * @param narrowed the types asked for, or null for all the consumer is granted (those granted later included)
     */
    Flux<ServerSentEvent<FeedEvent>> follow(String token, FeedReader reader, long after, Set<String> narrowed) {
        AtomicInteger streams = open.computeIfAbsent(reader.consumerId(), id -> new AtomicInteger());
        if (streams.incrementAndGet() > settings.maxStreams()) {
            streams.decrementAndGet();
            throw new ResponseStatusException(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "This consumer holds " + settings.maxStreams() + " open streams already; close one first.");
        }
        registry.recordRead(reader.consumerId(), 0);
        AtomicLong position = new AtomicLong(after);
        AtomicLong quietSince = new AtomicLong(System.nanoTime());
        return Flux.interval(Duration.ZERO, settings.pollEvery())
                .onBackpressureDrop()
                .concatMap(
                        tick -> Mono.fromCallable(() -> poll(token, narrowed, position, quietSince))
                                .subscribeOn(Schedulers.boundedElastic()),
                        1)
                .takeWhile(Optional::isPresent)
                .flatMapIterable(Optional::get)
                .doFinally(signal -> streams.decrementAndGet());
    }

    /** The events after the position, a heartbeat when there were none for a while; empty when the token is gone. */
    private Optional<List<ServerSentEvent<FeedEvent>>> poll(
            String token, Set<String> narrowed, AtomicLong position, AtomicLong quietSince) {
        Optional<FeedReader> reader = registry.byToken(token);
        if (reader.isEmpty()) {
            return Optional.empty();
        }
        Set<String> types = narrowed == null ? reader.get().eventTypes() : narrowed;
        ConsumerFeed.Page page = feed.read(reader.get(), position.get(), BATCH, types, false);
        position.set(page.readUpTo());
        if (page.events().isEmpty()) {
            long now = System.nanoTime();
            if (now - quietSince.get() < settings.heartbeatEvery().toNanos()) {
                return Optional.of(List.of());
            }
            quietSince.set(now);
            return Optional.of(
                    List.of(ServerSentEvent.<FeedEvent>builder().comment("").build()));
        }
        quietSince.set(System.nanoTime());
        return Optional.of(page.events().stream()
                .map(event -> ServerSentEvent.builder(event)
                        .id(event.position())
                        .event(event.type())
                        .build())
                .toList());
    }
}
