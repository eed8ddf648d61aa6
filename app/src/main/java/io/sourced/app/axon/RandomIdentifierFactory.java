package io.sourced.app.axon;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.axonframework.common.IdentifierFactory;

/**
 * Message identifiers (events' too) as random version-4 UUIDs, each thread drawing from a generator of its own with
 * 384 bits of state seeded from {@link SecureRandom}. Axon's default, {@link UUID#randomUUID()}, draws every one from
 * one shared {@code SecureRandom}, which every processor thread then contends for, as a result message is made per
 * event handled. An identifier must be unique; it need not be unpredictable.
 * <p>
 * Found by Axon through {@code META-INF/services/org.axonframework.common.IdentifierFactory}.
 */
public final class RandomIdentifierFactory extends IdentifierFactory {

    private static final RandomGeneratorFactory<RandomGenerator> GENERATORS =
            RandomGeneratorFactory.of("L128X256MixRandom");
    private static final SecureRandom SEEDS = new SecureRandom();
    private static final ThreadLocal<RandomGenerator> RANDOM =
            ThreadLocal.withInitial(() -> GENERATORS.create(SEEDS.generateSeed(48)));

    @Override
    public String generateIdentifier() {
        RandomGenerator random = RANDOM.get();
        long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
        long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
