package io.sourced.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.sourced.app.roles.RoleSettings;
import io.sourced.app.security.SignInStore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

class DemoDataTest {

    private final PasswordEncoder passwordEncoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void passwordHashes_eachSignInsOwnName_areWhatTheReadmePromises() {
        assertThat(DemoData.PASSWORD_HASHES).containsOnlyKeys("admin", "alice", "bob");
        DemoData.PASSWORD_HASHES.forEach((username, hash) -> {
            assertThat(passwordEncoder.matches(username, hash)).as(username).isTrue();
            assertThat(passwordEncoder.matches(username + "x", hash))
                    .as(username + "x")
                    .isFalse();
            assertThat(passwordEncoder.upgradeEncoding(hash))
                    .as("%s in the encoder's current format", username)
                    .isFalse();
        });
    }

    /** On the JDBC event store the seed's commands need their handlers in this process: it runs where they do. */
    @Test
    void seed_runsWhereTheCommandRoleRuns_only() {
        ApplicationContextRunner application = new ApplicationContextRunner()
                .withInitializer(context ->
                        new RoleSettings().postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
                .withBean(SignInStore.class, () -> mock(SignInStore.class))
                .withBean(CommandGateway.class, () -> mock(CommandGateway.class))
                .withBean(PlatformTransactionManager.class, () -> mock(PlatformTransactionManager.class))
                .withUserConfiguration(DemoData.class)
                .withPropertyValues("sourced.demo.enabled=true");

        application.run(context -> assertThat(context).hasSingleBean(DemoData.class));
        application
                .withPropertyValues("sourced.roles=command")
                .run(context -> assertThat(context).hasSingleBean(DemoData.class));
        application
                .withPropertyValues("sourced.roles=saga,query,ui")
                .run(context -> assertThat(context).doesNotHaveBean(DemoData.class));
        application
                .withPropertyValues("sourced.demo.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DemoData.class));
    }
}
