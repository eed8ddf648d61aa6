package io.sourced.query.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductRestockedEvent;
import io.sourced.api.operations.RebuildProgress;
import io.sourced.query.InMemoryLog;
import io.sourced.query.RebuildableView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class ViewRebuildTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    private final InMemoryLog log = new InMemoryLog();
    private final Processors processors = new Processors();
    private String url;
    private JdbcTemplate live;
    private TransactionTemplate liveTransactions;
    private ShadowSchema shadow;
    private RebuildLedger ledger;
    private final List<String> handled = new ArrayList<>();

    @BeforeEach
    void setUp() {
        url = "jdbc:h2:mem:rebuild-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        JdbcDataSource liveSource = new JdbcDataSource();
        liveSource.setURL(url);
        Flyway.configure()
                .dataSource(liveSource)
                .locations("classpath:db/migration", "classpath:db/views")
                .load()
                .migrate();
        JdbcDataSource shadowSource = new JdbcDataSource();
        shadowSource.setURL(url + ";SCHEMA=rebuild");
        live = new JdbcTemplate(liveSource);
        liveTransactions = new TransactionTemplate(new DataSourceTransactionManager(liveSource));
        shadow = new ShadowSchema(liveSource, shadowSource);
        ledger = new RebuildLedger(live, liveTransactions, Clock.systemUTC());
        live.update("INSERT INTO product_view (product_id, name, price, available, reserved, sold, version)"
                + " VALUES ('stale', 'Stale', 1, 1, 0, 0, 0)");
        for (int i = 0; i < 2_500; i++) {
            ProductId product = ProductId.random();
            log.record(
                    "Product", product, new ProductRegisteredEvent(product, "P" + i, BigDecimal.ONE, 1, "Fruit"), AT);
            log.record("Product", product, new ProductRestockedEvent(product, 2, null), AT);
        }
    }

    @Test
    void rebuild_replacesTheLiveRowsAtTheHead_andMovesTheTokensThere() {
        processors.onStop = names -> {
            assertThat(names).containsExactly("products-view");
            assertThat(names(live, "public"))
                    .as("the live rows while rebuilding")
                    .containsExactly("Stale");
        };

        run(products());

        assertThat(live.queryForObject("SELECT COUNT(*) FROM public.product_view", Integer.class))
                .isEqualTo(2_500);
        assertThat(live.queryForObject("SELECT SUM(available) FROM public.product_view", Integer.class))
                .isEqualTo(3 * 2_500);
        assertThat(names(live, "rebuild"))
                .as("the rebuild's tables are emptied")
                .isEmpty();
        assertThat(processors.placed).isNotNull();
        assertThat(processors.placed.position()).hasValue(4_999);
        assertThat(processors.started).containsExactly("products-view");
        RebuildProgress progress = ledger.find("products-view").orElseThrow();
        assertThat(progress.state()).isEqualTo("DONE");
        assertThat(progress.done()).isEqualTo(5_000);
        assertThat(progress.total()).isEqualTo(5_000);
        assertThat(handled).as("handled as a replay").containsOnly("REPLAY");
    }

    @Test
    void rebuildThatFails_leavesTheLiveViewsAsTheyWere() {
        RebuildableView failing =
                new RebuildableView("products-view", List.of("product_view"), jdbc -> List.of(new FailingProjector()));

        run(failing);

        assertThat(names(live, "public")).containsExactly("Stale");
        assertThat(names(live, "rebuild")).isEmpty();
        RebuildProgress progress = ledger.find("products-view").orElseThrow();
        assertThat(progress.state()).isEqualTo("FAILED");
        assertThat(progress.failure()).contains("a poisoned restock");
        assertThat(processors.placed).isNull();
    }

    @Test
    void rebuildCancelledBeforeTheSwitch_leavesTheLiveViewsAsTheyWere_andStartsTheProcessorsAgain() {
        processors.onStop = names -> assertThat(ledger.cancel("products-view")).isTrue();

        run(products());

        assertThat(names(live, "public")).containsExactly("Stale");
        assertThat(ledger.find("products-view").orElseThrow().state()).isEqualTo("CANCELLED");
        assertThat(processors.started).containsExactly("products-view");
        assertThat(processors.placed).isNull();
    }

    @Test
    void rebuildWhoseSegmentsAreNotReleased_triesAgain_thenFails() {
        processors.released = false;

        run(products());

        assertThat(processors.stops).isEqualTo(5);
        assertThat(processors.started).hasSize(5);
        assertThat(ledger.find("products-view").orElseThrow().state()).isEqualTo("FAILED");
        assertThat(names(live, "public")).containsExactly("Stale");
    }

    @Test
    void secondRebuildOfAProcessor_isRefusedWhileOneIsUnderWay() {
        assertThat(ledger.begin("one", List.of("products-view"), "replica-a")).isTrue();

        assertThat(ledger.begin("two", List.of("customers-view", "products-view"), "replica-b"))
                .isFalse();
        assertThat(ledger.find("customers-view")).isEmpty();
    }

    @Test
    void rebuildAskedOfTwoReplicasAtOnce_isRecordedForOne_andRefusedToTheOther() {
        JdbcDataSource otherReplica = new JdbcDataSource();
        otherReplica.setURL(url);
        JdbcTemplate other = new JdbcTemplate(otherReplica);
        JdbcTemplate racing = new JdbcTemplate(live.getDataSource()) {
            @Override
            public int update(String sql, Object... args) {
                if (sql.startsWith("INSERT INTO view_rebuild")) {
                    // the other replica's request commits between this one's check and its insert
                    other.update(sql.replace("?, ?, ?", "?, 'other', 'replica-b'"), args[0], args[3], args[4]);
                }
                return super.update(sql, args);
            }
        };
        RebuildLedger racingLedger = new RebuildLedger(racing, liveTransactions, Clock.systemUTC());

        assertThat(racingLedger.begin("mine", List.of("products-view"), "replica-a"))
                .isFalse();
        assertThat(ledger.find("products-view").orElseThrow().replica()).isEqualTo("replica-b");
    }

    @Test
    void rebuildOfViewsTheLiveProcessorsLag_neverReadsPastThem_andHandsOverWhereTheyStopped() {
        processors.reached = 2_999;

        run(products());

        assertThat(live.queryForObject("SELECT COUNT(*) FROM public.product_view", Integer.class))
                .as("the products registered up to where the live processors stopped")
                .isEqualTo(1_500);
        assertThat(processors.placed.position()).hasValue(2_999);
        assertThat(ledger.find("products-view").orElseThrow().state()).isEqualTo("DONE");
    }

    @Test
    void rebuildAskedOfOneViewOfASharedProcessor_rebuildsEveryViewOfThatProcessor_andMovesItsTokenOnce() {
        RebuildableView names = new RebuildableView(
                "customers-view", List.of("customer_view"), jdbc -> List.of(new NamesProjector(jdbc)));
        ProcessingGroups groups = new ProcessingGroups(
                List.of(products(), names), name -> Optional.of(name.endsWith("-view") ? "views" : name));
        List<List<String>> stopped = new ArrayList<>();
        processors.onStop = stopped::add;
        try (ViewRebuilds rebuilds = new ViewRebuilds(
                groups, shadow, ledger, source(), processors, liveTransactions, "replica-a", Clock.systemUTC())) {
            assertThat(rebuilds.processors()).containsExactly("views");
            assertThat(rebuilds.rebuildable("customers-view")).isTrue();
            assertThat(rebuilds.rebuildable("reports")).isFalse();

            assertThat(rebuilds.start(List.of("products-view"))).isTrue();

            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> rebuilds.progress("customers-view")
                            .filter(progress -> !progress.underWay())
                            .isPresent());
            assertThat(rebuilds.progress("views").orElseThrow().state()).isEqualTo("DONE");
        }
        assertThat(stopped).containsExactly(List.of("views"));
        assertThat(live.queryForObject("SELECT COUNT(*) FROM public.product_view", Integer.class))
                .isEqualTo(2_500);
        assertThat(live.queryForObject("SELECT COUNT(*) FROM public.customer_view", Integer.class))
                .isEqualTo(2_500);
        assertThat(processors.placed.position()).hasValue(4_999);
    }

    private void run(RebuildableView view) {
        String id = UUID.randomUUID().toString();
        assertThat(ledger.begin(id, List.of(view.group()), "replica-a")).isTrue();
        new ViewRebuild(
                        id,
                        List.of(view.group()),
                        List.of(view),
                        shadow,
                        ledger,
                        source(),
                        processors,
                        liveTransactions,
                        Clock.systemUTC())
                .run();
    }

    private ViewRebuild.StreamSource source() {
        return new ViewRebuild.StreamSource() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> from(TrackingToken position) {
                return log.store().openStream(position);
            }

            @Override
            public long head() {
                return log.store().createHeadToken().position().orElse(-1);
            }
        };
    }

    private RebuildableView products() {
        return new RebuildableView(
                "products-view", List.of("product_view"), jdbc -> List.of(new StockProjector(jdbc, handled)));
    }

    private static List<String> names(JdbcTemplate jdbc, String schema) {
        return jdbc.queryForList("SELECT name FROM " + schema + ".product_view ORDER BY name", String.class);
    }

    /** A stand-in for a view's projector, writing its table through the template it is given. */
    static final class StockProjector {
        private final JdbcTemplate jdbc;
        private final List<String> handled;

        StockProjector(JdbcTemplate jdbc, List<String> handled) {
            this.jdbc = jdbc;
            this.handled = handled;
        }

        @EventHandler
        void on(ProductRegisteredEvent event, ReplayStatus replay) {
            handled.add(replay.name());
            jdbc.update(
                    "INSERT INTO product_view (product_id, name, price, available, reserved, sold, version)"
                            + " VALUES (?, ?, ?, ?, 0, 0, 0)",
                    event.productId().value(),
                    event.name(),
                    event.price(),
                    event.initialStock());
        }

        @EventHandler
        void on(ProductRestockedEvent event) {
            jdbc.update(
                    "UPDATE product_view SET available = available + ? WHERE product_id = ?",
                    event.quantity(),
                    event.productId().value());
        }
    }

    /** A second view of the same processor. */
    static final class NamesProjector {
        private final JdbcTemplate jdbc;

        NamesProjector(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(ProductRegisteredEvent event) {
            jdbc.update(
                    "INSERT INTO customer_view (customer_id, name, balance, version) VALUES (?, ?, 0, 0)",
                    event.productId().value(),
                    event.name());
        }
    }

    static final class FailingProjector {
        @EventHandler
        void on(ProductRestockedEvent event) {
            throw new IllegalStateException("a poisoned restock");
        }
    }

    static final class Processors implements ViewRebuild.Processors {
        Consumer<List<String>> onStop = names -> {};
        boolean released = true;
        int stops;
        final List<String> started = new ArrayList<>();
        TrackingToken placed;
        long reached = Long.MAX_VALUE;

        @Override
        public boolean stopEverywhere(List<String> names) {
            stops++;
            onStop.accept(names);
            return released;
        }

        @Override
        public void startEverywhere(List<String> names) {
            started.addAll(names);
        }

        @Override
        public void placeTokens(List<String> names, TrackingToken position) {
            placed = position;
        }

        @Override
        public long reached(List<String> names) {
            return reached;
        }
    }
}
