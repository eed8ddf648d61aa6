package io.sourced.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class DemoDataTest {

    private final PasswordEncoder passwordEncoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void passwordHashes_eachSignInsOwnName_areWhatTheReadmePromises() {
        assertThat(DemoData.PASSWORD_HASHES).containsOnlyKeys("admin", "alice", "bob");
        DemoData.PASSWORD_HASHES.forEach((username, hash) -> {
            assertThat(passwordEncoder.matches(username, hash)).as(username).isTrue();
            assertThat(passwordEncoder.matches(username + "x", hash)).as(username + "x").isFalse();
            assertThat(passwordEncoder.upgradeEncoding(hash)).as("%s in the encoder's current format", username).isFalse();
        });
    }
}
