package io.sourced.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as a tracking processor reads it, but an event newer than {@code linger} is only offered once it
 * is that old, so that the events committed meanwhile join its batch. A tracking processor takes whatever is
 * available for a batch and never waits for more; under a steady load that is a batch, a transaction and a token
 * write per event. An event already that old (the processor is behind, or catching up) is offered at once: only the
 * live edge waits, and by at most {@code linger}.
 */
public final class LingeringEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Duration linger;
    private final Clock clock;
    private final Sleep sleep;

    /** How the stream waits, in nanoseconds. */
    interface Sleep {
        void sleep(long nanos) throws InterruptedException;
    }

    public LingeringEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, Duration linger, Clock clock) {
        this(store, linger, clock, TimeUnit.NANOSECONDS::sleep);
    }

    LingeringEventSource(
            StreamableMessageSource<TrackedEventMessage<?>> store, Duration linger, Clock clock, Sleep sleep) {
        if (linger.isNegative()) {
            throw new IllegalArgumentException("A linger must not be negative: " + linger);
        }
        this.store = store;
        this.linger = linger;
        this.clock = clock;
        this.sleep = sleep;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken position) {
        BlockingStream<TrackedEventMessage<?>> stream = store.openStream(position);
        return linger.isZero() ? stream : new Lingering(stream);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant instant) {
        return store.createTokenAt(instant);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    private final class Lingering implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;

        Lingering(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        /** Once an event is available, waits (within the timeout) until the oldest one available is old enough. */
        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            if (!stream.hasNextAvailable(timeout, unit)) {
                return false;
            }
            Optional<TrackedEventMessage<?>> next = stream.peek();
            if (next.isEmpty()) {
                return true;
            }
            Instant ripe = next.get().getTimestamp().plus(linger);
            long wait = Math.min(Duration.between(clock.instant(), ripe).toNanos(), deadline - System.nanoTime());
            if (wait > 0) {
                sleep.sleep(Math.min(wait, linger.toNanos()));
            }
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void close() {
            stream.close();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }
    }
}
