package io.sourced.command.idempotency;

import static io.sourced.api.refusal.Refusal.Kind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.idempotency.OperationId;
import io.sourced.api.refusal.Refusal;
import io.sourced.command.Refused;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class IdempotencyKeysTest {

    private static final Duration RETENTION = Duration.ofHours(24);

    private final DataSource dataSource = h2();
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));
    private final IdempotencyKeys keys = new IdempotencyKeys(jdbc, RETENTION, new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    });

    private final CustomerId aliceId = CustomerId.random();
    private final CustomerId bobId = CustomerId.random();
    private final Caller alice = new Caller("alice", Set.of(Caller.CUSTOMER), aliceId);
    private final Caller admin = new Caller("admin", Set.of(Caller.ADMIN), null);
    private final List<OperationId> sent = new ArrayList<>();

    private static DataSource h2() {
        DataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:keys-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "sa",
                "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return dataSource;
    }

    @AfterEach
    void tearDown() {
        jdbc.execute("SHUTDOWN");
    }

    private OperationId deposit(Caller caller, CustomerId customer, String key, Object request) {
        return deposit(caller, customer, key, request, sent::add);
    }

    private OperationId deposit(
            Caller caller, CustomerId customer, String key, Object request, Consumer<OperationId> send) {
        return keys.once(key, caller, customer, "deposit", request, send);
    }

    private static Map<String, Object> amount(String amount) {
        return Map.of("amount", new BigDecimal(amount));
    }

    @Test
    void sameKeySameRequest_answersTheFirstOperationAndSendsOnce() {
        OperationId first = deposit(alice, aliceId, "k-1", amount("10"));
        OperationId again = deposit(alice, aliceId, "k-1", amount("10.00"));

        assertThat(again).isEqualTo(first);
        assertThat(sent).containsExactly(first);
    }

    @Test
    void sameKeyAnotherRequest_isRefusedAsUnprocessable() {
        deposit(alice, aliceId, "k-1", amount("10"));

        assertThatThrownBy(() -> deposit(alice, aliceId, "k-1", amount("11")))
                .matches(failure ->
                        Refusal.of(failure).filter(r -> r.is(UNPROCESSABLE)).isPresent());
        assertThatThrownBy(() -> keys.once("k-1", alice, aliceId, "withdrawal", amount("10"), sent::add))
                .matches(failure ->
                        Refusal.of(failure).filter(r -> r.is(UNPROCESSABLE)).isPresent());
        assertThat(sent).hasSize(1);
    }

    @Test
    void keyPastItsRetention_namesANewOperation() {
        OperationId first = deposit(alice, aliceId, "k-1", amount("10"));
        now.set(now.get().plus(RETENTION).plusSeconds(1));

        OperationId later = deposit(alice, aliceId, "k-1", amount("11"));

        assertThat(later).isNotEqualTo(first);
        assertThat(sent).containsExactly(first, later);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void keyWithinItsRetention_isStillKept() {
        OperationId first = deposit(alice, aliceId, "k-1", amount("10"));
        now.set(now.get().plus(RETENTION).minusSeconds(1));

        assertThat(deposit(alice, aliceId, "k-1", amount("10"))).isEqualTo(first);
        assertThat(sent).containsExactly(first);
    }

    @Test
    void sameKeyOfAnotherCallerOrForAnotherCustomer_isAnotherOperation() {
        OperationId alices = deposit(alice, aliceId, "k-1", amount("10"));
        OperationId adminsForAlice = deposit(admin, aliceId, "k-1", amount("20"));
        OperationId adminsForBob = deposit(admin, bobId, "k-1", amount("30"));

        assertThat(Set.of(alices, adminsForAlice, adminsForBob)).hasSize(3);
        assertThat(sent).hasSize(3);
    }

    @Test
    void noKey_isANewOperationEachTime() {
        assertThat(deposit(alice, aliceId, null, amount("10")))
                .isNotEqualTo(deposit(alice, aliceId, null, amount("10")));
        assertThat(sent).hasSize(2);
    }

    @Test
    void keyBlankOrTooLong_isInvalid() {
        assertThatThrownBy(() -> deposit(alice, aliceId, " ", amount("10")))
                .matches(failure ->
                        Refusal.of(failure).filter(r -> r.is(INVALID)).isPresent());
        assertThatThrownBy(() -> deposit(alice, aliceId, "x".repeat(101), amount("10")))
                .matches(failure ->
                        Refusal.of(failure).filter(r -> r.is(INVALID)).isPresent());
        assertThat(sent).isEmpty();
    }

    @Test
    void requestTheDomainRefused_freesItsKey() {
        assertThatThrownBy(() -> keys.once("k-1", alice, aliceId, "withdrawal", amount("900"), operation -> {
                    throw Refused.unprocessable("beyond the balance");
                }))
                .isInstanceOf(Refused.class);

        OperationId next = keys.once("k-1", alice, aliceId, "withdrawal", amount("9"), sent::add);

        assertThat(sent).containsExactly(next);
    }

    @Test
    void requestWhoseOutcomeIsUnknown_isSentAgainWithItsOperation() {
        List<OperationId> attempts = new ArrayList<>();
        assertThatThrownBy(() -> deposit(alice, aliceId, "k-1", amount("10"), operation -> {
                    attempts.add(operation);
                    throw new IllegalStateException("the connection closed at the commit");
                }))
                .isInstanceOf(IllegalStateException.class);

        OperationId again = deposit(alice, aliceId, "k-1", amount("10"), attempts::add);

        assertThat(attempts).containsExactly(again, again);
    }

    @Test
    void concurrentFirstUsesOfOneKey_nameOneOperation() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<OperationId>> uses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                uses.add(() -> keys.once("k-1", alice, aliceId, "order", amount("1"), operation -> {}));
            }
            Set<OperationId> operations = new HashSet<>();
            for (Future<OperationId> use : threads.invokeAll(uses)) {
                operations.add(use.get());
            }
            assertThat(operations).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
    }
}
