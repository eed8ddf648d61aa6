package io.sourced.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.CustomerId;
import io.sourced.app.roles.RoleSettings;
import io.sourced.app.security.SignInStore;
import java.sql.Connection;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The sign-in table of a real (H2) database, made by the application's own migration. */
class DemoSignInsDisabledTest {

    private final PasswordEncoder passwordEncoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private JdbcTemplate jdbc;

    @BeforeEach
    void signInTable() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/migration/V202611261102__sign_ins.sql"));
        }
        jdbc = new JdbcTemplate(h2);
    }

    private ApplicationContextRunner application() {
        return new ApplicationContextRunner()
                .withInitializer(context ->
                        new RoleSettings().postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
                .withBean(JdbcTemplate.class, () -> jdbc)
                .withBean(PasswordEncoder.class, () -> passwordEncoder)
                .withUserConfiguration(SignInStore.class, DemoSignInsDisabled.class);
    }

    private void startedWithTheDemoOff(Consumer<SignInStore> check) {
        application().withPropertyValues("sourced.demo.enabled=false").run(context -> {
            context.getBean(DemoSignInsDisabled.class).run(null);
            check.accept(context.getBean(SignInStore.class));
        });
    }

    @Test
    void start_demoOff_disablesEveryDemoSignInStillOnItsDemoPassword() {
        seedTheDemo();
        jdbc.update(
                "INSERT INTO sign_in (username, password_hash, role, customer_id) VALUES (?, ?, ?, ?)",
                "carol",
                passwordEncoder.encode("carol"),
                Caller.CUSTOMER,
                CustomerId.random().value());

        startedWithTheDemoOff(signIns -> {
            for (String demo : DemoData.PASSWORD_HASHES.keySet()) {
                assertThat(signsIn(signIns, demo, demo)).as(demo + "/" + demo).isFalse();
                assertThat(signIns.exists(demo)).as(demo + " keeps its name").isTrue();
            }
            assertThat(signsIn(signIns, "carol", "carol"))
                    .as("a sign-in the demo did not seed")
                    .isTrue();
        });
    }

    @Test
    void start_demoOff_leavesADemoSignInWhosePasswordWasChanged() {
        seedTheDemo();
        jdbc.update(
                "UPDATE sign_in SET password_hash = ? WHERE username = 'admin'",
                passwordEncoder.encode("the operator's own"));

        startedWithTheDemoOff(signIns -> {
            assertThat(signsIn(signIns, "admin", "the operator's own")).isTrue();
            assertThat(signsIn(signIns, "alice", "alice")).isFalse();
        });
    }

    @Test
    void start_demoOffAgain_changesNothingMore() {
        seedTheDemo();
        startedWithTheDemoOff(signIns -> {});
        Map<String, String> afterTheFirst = hashes();

        startedWithTheDemoOff(signIns -> {});

        assertThat(hashes()).isEqualTo(afterTheFirst);
    }

    @Test
    void start_demoOn_leavesTheDemoSignInsAsTheyAre() {
        application()
                .withPropertyValues("sourced.demo.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(DemoSignInsDisabled.class));
    }

    /** Sign-ins are shared by every process: whichever roles one runs, it disables them. */
    @Test
    void start_demoOff_disablesThemInEveryRole() {
        for (String roles : new String[] {"command", "saga", "query", "ui"}) {
            application()
                    .withPropertyValues("sourced.demo.enabled=false", "sourced.roles=" + roles)
                    .run((AssertableApplicationContext context) ->
                            assertThat(context).as(roles).hasSingleBean(DemoSignInsDisabled.class));
        }
    }

    private void seedTheDemo() {
        DemoData.PASSWORD_HASHES.forEach((username, hash) -> jdbc.update(
                "INSERT INTO sign_in (username, password_hash, role, customer_id) VALUES (?, ?, ?, ?)",
                username,
                hash,
                username.equals("admin") ? Caller.ADMIN : Caller.CUSTOMER,
                username.equals("admin") ? null : CustomerId.random().value()));
    }

    private boolean signsIn(SignInStore signIns, String username, String password) {
        return passwordEncoder.matches(
                password, signIns.loadUserByUsername(username).getPassword());
    }

    private Map<String, String> hashes() {
        Map<String, String> hashes = new TreeMap<>();
        jdbc.query("SELECT username, password_hash FROM sign_in", (java.sql.ResultSet rs) -> {
            hashes.put(rs.getString(1), rs.getString(2));
        });
        return hashes;
    }
}
