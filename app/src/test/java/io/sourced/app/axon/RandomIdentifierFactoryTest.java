package io.sourced.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

class RandomIdentifierFactoryTest {

    @Test
    void axonFindsIt() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(RandomIdentifierFactory.class);
    }

    @Test
    void identifiersAreRandomUuids_distinctAcrossThreads() {
        IdentifierFactory factory = new RandomIdentifierFactory();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 8).parallel().forEach(thread -> {
            for (int i = 0; i < 50_000; i++) {
                seen.add(factory.generateIdentifier());
            }
        });

        assertThat(seen).hasSize(400_000);
        Set<Integer> versions = new HashSet<>();
        Set<Integer> variants = new HashSet<>();
        seen.stream().limit(1000).map(UUID::fromString).forEach(id -> {
            versions.add(id.version());
            variants.add(id.variant());
        });
        assertThat(versions).containsExactly(4);
        assertThat(variants).containsExactly(2);
    }
}
