package io.sourced.query.log.lake;

import static io.sourced.query.ViewDatabase.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.StockReservedEvent;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.query.ViewDatabase;
import io.sourced.query.log.eventlog.EventMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class DataLakeProjectorTest {

    private static final ObjectMapper REST_JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final Instant DAY_ONE = Instant.parse("2026-11-26T23:59:59.000Z");
    private static final Instant DAY_TWO = Instant.parse("2026-11-27T00:00:01.000Z");

    private final OrderId orderId = OrderId.random();
    private final CustomerId customerId = CustomerId.random();
    private final ProductId apples = ProductId.random();

    @TempDir
    Path lake;

    private JdbcTemplate jdbc;
    private SpringTransactionManager transactions;

    @BeforeEach
    void setUp() {
        jdbc = ViewDatabase.migrated();
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    /** A replica's projector on this database, started as its processor starts it. */
    private DataLakeProjector projector(LakeFiles files) {
        DataLakeProjector projector = unstarted(files);
        assertThat(projector.mayStart()).as("the processor may start").isTrue();
        return projector;
    }

    private DataLakeProjector unstarted(LakeFiles files) {
        LakeLedger ledger = new LakeLedger(jdbc);
        TransactionTemplate template = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        return new DataLakeProjector(
                ledger,
                files,
                new SharedLakeFolder(files, ledger, template),
                template,
                new EventMapper(REST_JSON),
                REST_JSON);
    }

    private DataLakeProjector projector() {
        return projector(new LakeFiles(lake));
    }

    /** One processor batch, in one transaction, as the tracking processor runs it; {@code beforeCommit} may add to it. */
    private ResultMessage<?> deliver(
            DataLakeProjector projector,
            List<TrackedEventMessage<?>> batch,
            Consumer<BatchingUnitOfWork<?>> beforeCommit) {
        return deliver(projector, batch, beforeCommit, transactions);
    }

    private ResultMessage<?> deliver(
            DataLakeProjector projector,
            List<TrackedEventMessage<?>> batch,
            Consumer<BatchingUnitOfWork<?>> beforeCommit,
            TransactionManager transactionManager) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projector);
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.attachTransaction(transactionManager);
        return unitOfWork.executeWithResult(() -> {
            Object handled = adapter.handle(unitOfWork.getMessage());
            if (unitOfWork.isFirstMessage()) {
                beforeCommit.accept(unitOfWork);
            }
            return handled;
        });
    }

    private void deliver(DataLakeProjector projector, TrackedEventMessage<?>... batch) {
        ResultMessage<?> result = deliver(projector, List.of(batch), unitOfWork -> {});
        assertThat(result.isExceptional())
                .as(() -> String.valueOf(result.optionalExceptionResult()))
                .isFalse();
    }

    /**
     * A transaction whose commit fails as a lost connection does: after the database committed ({@code committed}) or
     * before the commit reached it; either way the processor is told it failed and cannot tell which.
     */
    private TransactionManager connectionLostAtCommit(boolean committed) {
        return () -> {
            Transaction real = transactions.startTransaction();
            boolean[] ended = {false};
            return new Transaction() {
                @Override
                public void commit() {
                    ended[0] = true;
                    if (committed) {
                        real.commit();
                    } else {
                        real.rollback();
                    }
                    throw new IllegalStateException("An I/O error occurred while sending to the backend");
                }

                @Override
                public void rollback() {
                    if (!ended[0]) {
                        real.rollback();
                    }
                }
            };
        };
    }

    private static TrackedEventMessage<?> tracked(
            GapAwareTrackingToken token, long position, String type, String aggregateId, Object payload, Instant at) {
        return new GenericTrackedDomainEventMessage<>(
                token,
                new GenericDomainEventMessage<>(
                        type,
                        aggregateId,
                        0,
                        payload,
                        MetaData.with("username", "alice").and("traceId", "trace-" + position),
                        "event-" + position,
                        at));
    }

    private TrackedEventMessage<?> placed(long position, Instant at) {
        return tracked(
                GapAwareTrackingToken.newInstance(position, Set.of()),
                position,
                "Order",
                orderId.value(),
                new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(apples, 2))),
                at);
    }

    private TrackedEventMessage<?> reserved(long position, Instant at) {
        return reserved(GapAwareTrackingToken.newInstance(position, Set.of()), position, at);
    }

    private TrackedEventMessage<?> reserved(GapAwareTrackingToken token, long position, Instant at) {
        return tracked(
                token,
                position,
                "Product",
                apples.value(),
                new StockReservedEvent(apples, orderId, 2, new BigDecimal("1.50")),
                at);
    }

    private TrackedEventMessage<?> accepted(long position, Instant at) {
        return tracked(
                GapAwareTrackingToken.newInstance(position, Set.of()),
                position,
                "Order",
                orderId.value(),
                new OrderAcceptedEvent(orderId, customerId, new BigDecimal("3.00")),
                at);
    }

    /** Each published file with its lines' positions, as a reader globbing {@code **}{@code /*.jsonl} sees them. */
    private Map<String, List<Long>> lakeContent() {
        Map<String, List<Long>> content = new LinkedHashMap<>();
        for (String file : new LakeFiles(lake).published()) {
            content.put(
                    file,
                    lines(file).stream()
                            .map(line -> line.path("position").asLong())
                            .toList());
        }
        return content;
    }

    private List<JsonNode> lines(String file) {
        try {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(lake.resolve(file), StandardCharsets.UTF_8)) {
                lines.add(REST_JSON.readTree(line));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> eventIdsInLake() {
        return lakeContent().keySet().stream()
                .flatMap(file -> lines(file).stream())
                .map(line -> line.path("eventId").asText())
                .sorted()
                .toList();
    }

    @Test
    void batch_ofSeveralDaysAndTypes_writesOneFilePerDayAndType_withLinesInPositionOrder() {
        deliver(
                projector(),
                placed(3, DAY_ONE),
                reserved(4, DAY_ONE),
                reserved(5, DAY_ONE),
                accepted(6, DAY_TWO),
                reserved(7, DAY_TWO));

        assertThat(lakeContent())
                .containsExactly(
                        Map.entry(
                                "day=2026-11-26/type=OrderPlacedEvent/part-0000000000000000003-0000000000000000003.jsonl",
                                List.of(3L)),
                        Map.entry(
                                "day=2026-11-26/type=StockReservedEvent/part-0000000000000000004-0000000000000000005.jsonl",
                                List.of(4L, 5L)),
                        Map.entry(
                                "day=2026-11-27/type=OrderAcceptedEvent/part-0000000000000000006-0000000000000000006.jsonl",
                                List.of(6L)),
                        Map.entry(
                                "day=2026-11-27/type=StockReservedEvent/part-0000000000000000007-0000000000000000007.jsonl",
                                List.of(7L)));
        assertThat(new LakeLedger(jdbc).files())
                .contains(new LakeLedger.LakeFile(
                        "day=2026-11-26/type=StockReservedEvent/part-0000000000000000004-0000000000000000005.jsonl",
                        4,
                        5,
                        2));
        assertThat(new LakeFiles(lake).staged()).isEmpty();
    }

    @Test
    void anEventsLine_isTheEventLogsEvent_asOneLineOfJson() throws IOException {
        TrackedEventMessage<?> event = reserved(4, DAY_ONE);

        deliver(projector(), event);

        String file = "day=2026-11-26/type=StockReservedEvent/part-0000000000000000004-0000000000000000004.jsonl";
        assertThat(Files.readString(lake.resolve(file), StandardCharsets.UTF_8))
                .isEqualTo(REST_JSON.writeValueAsString(new EventMapper(REST_JSON).toEvent(event, 4)) + "\n")
                .contains("\"unitPrice\":1.50", "\"timestamp\":\"2026-11-26T23:59:59Z\"", "\"username\":\"alice\"");
        JsonNode line = lines(file).get(0);
        assertThat(line.path("type").asText()).isEqualTo("StockReservedEvent");
        assertThat(line.path("aggregateType").asText()).isEqualTo("Product");
        assertThat(line.path("payload").path("productId").asText()).isEqualTo(apples.value());
    }

    @Test
    void anEventFillingAGap_landsAtItsOwnPosition_inAFileOfItsOwn() {
        DataLakeProjector projector = projector();
        deliver(
                projector,
                placed(1, DAY_ONE),
                reserved(GapAwareTrackingToken.newInstance(4, Set.of(2L, 3L)), 4, DAY_ONE));
        // position 3 commits after 4 was read; 2 stays missing (rolled back)
        deliver(
                projector,
                reserved(GapAwareTrackingToken.newInstance(4, Set.of(2L)), 3, DAY_ONE),
                accepted(5, DAY_ONE));

        assertThat(lakeContent())
                .containsOnly(
                        Map.entry(
                                "day=2026-11-26/type=OrderPlacedEvent/part-0000000000000000001-0000000000000000001.jsonl",
                                List.of(1L)),
                        Map.entry(
                                "day=2026-11-26/type=StockReservedEvent/part-0000000000000000004-0000000000000000004.jsonl",
                                List.of(4L)),
                        Map.entry(
                                "day=2026-11-26/type=StockReservedEvent/part-0000000000000000003-0000000000000000003.jsonl",
                                List.of(3L)),
                        Map.entry(
                                "day=2026-11-26/type=OrderAcceptedEvent/part-0000000000000000005-0000000000000000005.jsonl",
                                List.of(5L)));
    }

    @Test
    void aRedeliveredEvent_landsOnce() {
        DataLakeProjector projector = projector();
        deliver(projector, placed(1, DAY_ONE), reserved(2, DAY_ONE));

        deliver(projector, reserved(2, DAY_ONE), accepted(3, DAY_ONE));
        deliver(projector, accepted(3, DAY_ONE));

        assertThat(eventIdsInLake()).containsExactly("event-1", "event-2", "event-3");
        assertThat(count(jdbc, "lake_event")).isEqualTo(3);
        assertThat(count(jdbc, "lake_file")).isEqualTo(3);
    }

    @Test
    void aBatchRolledBack_leavesItsFilesHidden_whichTheNextBatchDeletes_andItsRedeliveryLandsOnce() {
        DataLakeProjector projector = projector();
        deliver(projector, placed(1, DAY_ONE));

        ResultMessage<?> failed = deliver(
                projector,
                List.of(reserved(2, DAY_ONE), accepted(3, DAY_ONE)),
                unitOfWork -> unitOfWork.onPrepareCommit(u -> {
                    assertThat(new LakeFiles(lake).staged())
                            .as("staged before the commit")
                            .hasSize(2);
                    throw new IllegalStateException("the token could not be stored");
                }));

        assertThat(failed.isExceptional()).isTrue();
        assertThat(eventIdsInLake()).containsExactly("event-1");
        assertThat(new LakeFiles(lake).staged())
                .as("left staged until the ledger says")
                .hasSize(2);
        assertThat(count(jdbc, "lake_event")).isEqualTo(1);

        deliver(projector, reserved(2, DAY_ONE), accepted(3, DAY_ONE));

        assertThat(eventIdsInLake()).containsExactly("event-1", "event-2", "event-3");
        assertThat(new LakeFiles(lake).staged()).isEmpty();
    }

    @Test
    void aBatchWhoseCommitWentThrough_butWasNeverConfirmed_keepsItsFiles_publishedBeforeTheNextBatch() {
        DataLakeProjector projector = projector();
        deliver(projector, placed(1, DAY_ONE));

        ResultMessage<?> unknown = deliver(
                projector,
                List.of(reserved(2, DAY_ONE), accepted(3, DAY_ONE)),
                unitOfWork -> {},
                connectionLostAtCommit(true));

        assertThat(unknown.isExceptional())
                .as("the commit failed, as far as the processor knows")
                .isTrue();
        assertThat(count(jdbc, "lake_event")).as("yet it went through").isEqualTo(3);
        assertThat(new LakeFiles(lake).staged()).hasSize(2);

        deliver(projector, reserved(GapAwareTrackingToken.newInstance(4, Set.of()), 4, DAY_TWO));

        assertThat(eventIdsInLake()).containsExactly("event-1", "event-2", "event-3", "event-4");
        assertThat(new LakeFiles(lake).staged()).isEmpty();
        assertThat(new LakeLedger(jdbc).fileNames())
                .containsExactlyInAnyOrderElementsOf(lakeContent().keySet());
    }

    @Test
    void aBatchWhoseCommitNeverArrived_leavesNothing_andItsRedeliveryLandsOnce() {
        DataLakeProjector projector = projector();
        deliver(projector, placed(1, DAY_ONE));

        ResultMessage<?> unknown = deliver(
                projector,
                List.of(reserved(2, DAY_ONE), accepted(3, DAY_ONE)),
                unitOfWork -> {},
                connectionLostAtCommit(false));

        assertThat(unknown.isExceptional()).isTrue();
        assertThat(count(jdbc, "lake_event")).isEqualTo(1);

        deliver(projector, reserved(2, DAY_ONE), accepted(3, DAY_ONE));

        assertThat(eventIdsInLake()).containsExactly("event-1", "event-2", "event-3");
        assertThat(new LakeFiles(lake).staged()).isEmpty();
    }

    @Test
    void aBatchWhoseCommitWentThrough_butWasNeverConfirmed_isPublishedByTheReplicaThatWritesNext() {
        deliver(projector(), placed(1, DAY_ONE));
        deliver(
                projector(),
                List.of(reserved(2, DAY_ONE), accepted(3, DAY_ONE)),
                unitOfWork -> {},
                connectionLostAtCommit(true));
        DataLakeProjector next = unstarted(new LakeFiles(lake));

        deliver(next, reserved(GapAwareTrackingToken.newInstance(4, Set.of()), 4, DAY_TWO));

        assertThat(eventIdsInLake()).containsExactly("event-1", "event-2", "event-3", "event-4");
        assertThat(new LakeFiles(lake).staged()).isEmpty();
    }

    @Test
    void aCrashAfterTheCommit_beforeTheRename_isPublishedAtTheNextStart() {
        LakeFiles crashing = new LakeFiles(lake) {
            @Override
            synchronized void publish(String file) {
                throw new IllegalStateException("the process died");
            }
        };
        deliver(projector(crashing), placed(1, DAY_ONE), reserved(2, DAY_ONE));
        assertThat(lakeContent()).isEmpty();
        assertThat(new LakeFiles(lake).staged()).hasSize(2);

        projector();

        assertThat(eventIdsInLake()).containsExactly("event-1", "event-2");
        assertThat(new LakeFiles(lake).staged()).isEmpty();
    }

    @Test
    void aFileStagedByABatchThatNeverCommitted_isDeletedAtTheNextStart_andItsEventsLandWhenRedelivered() {
        DataLakeProjector first = projector();
        deliver(first, placed(1, DAY_ONE));
        new LakeFiles(lake)
                .stage(
                        "day=2026-11-26/type=StockReservedEvent/part-0000000000000000002-0000000000000000002.jsonl",
                        "{\"half\":".getBytes(StandardCharsets.UTF_8));

        DataLakeProjector restarted = projector();

        assertThat(new LakeFiles(lake).staged()).isEmpty();
        deliver(restarted, reserved(2, DAY_ONE));
        assertThat(eventIdsInLake()).containsExactly("event-1", "event-2");
    }

    @Test
    void aFileThatCouldNotBePublished_isPublishedBeforeTheNextBatch_orTheNextBatchWaits() {
        boolean[] failing = {true};
        LakeFiles flaky = new LakeFiles(lake) {
            @Override
            synchronized void publish(String file) {
                if (failing[0]) {
                    throw new IllegalStateException("disk full");
                }
                super.publish(file);
            }
        };
        DataLakeProjector projector = projector(flaky);
        deliver(projector, placed(1, DAY_ONE));
        assertThat(lakeContent()).isEmpty();

        ResultMessage<?> waiting = deliver(projector, List.of(reserved(2, DAY_ONE)), unitOfWork -> {});
        assertThat(waiting.isExceptional()).as("the next batch waits").isTrue();
        assertThat(count(jdbc, "lake_event")).isEqualTo(1);

        failing[0] = false;
        deliver(projector, reserved(2, DAY_ONE));

        assertThat(eventIdsInLake()).containsExactly("event-1", "event-2");
    }

    @Test
    void reset_andReplay_deleteTheLake_andRebuildItWithEveryEventOnce() throws Exception {
        DataLakeProjector projector = projector();
        deliver(projector, placed(1, DAY_ONE), reserved(GapAwareTrackingToken.newInstance(3, Set.of(2L)), 3, DAY_ONE));
        deliver(projector, reserved(GapAwareTrackingToken.newInstance(3, Set.of()), 2, DAY_ONE));
        Map<String, List<Long>> before = lakeContent();
        assertThat(before).hasSize(3);

        transactions.executeInTransaction(() -> new AnnotationEventHandlerAdapter(projector).prepareReset(null));
        assertThat(count(jdbc, "lake_event")).isZero();
        assertThat(count(jdbc, "lake_file")).isZero();

        GapAwareTrackingToken resetAt = GapAwareTrackingToken.newInstance(3, Set.of());
        deliver(
                projector,
                Stream.of(placed(1, DAY_ONE), reserved(2, DAY_ONE), reserved(3, DAY_ONE))
                        .map(event ->
                                event.withTrackingToken(ReplayToken.createReplayToken(resetAt, event.trackingToken())))
                        .toArray(TrackedEventMessage[]::new));

        assertThat(lakeContent())
                .containsExactly(
                        Map.entry(
                                "day=2026-11-26/type=OrderPlacedEvent/part-0000000000000000001-0000000000000000001.jsonl",
                                List.of(1L)),
                        Map.entry(
                                "day=2026-11-26/type=StockReservedEvent/part-0000000000000000002-0000000000000000003.jsonl",
                                List.of(2L, 3L)));
        assertThat(eventIdsInLake()).containsExactly("event-1", "event-2", "event-3");
    }

    @Test
    void theLake_isReadByDuckDb_asItIs_withItsDayAndTypePartitions() throws SQLException {
        deliver(projector(), placed(3, DAY_ONE), reserved(4, DAY_ONE), reserved(5, DAY_ONE), accepted(6, DAY_TWO));
        new LakeFiles(lake)
                .stage(
                        "day=2026-11-27/type=OrderAcceptedEvent/part-0000000000000000007-0000000000000000007.jsonl",
                        "{\"half\":".getBytes(StandardCharsets.UTF_8));

        List<String> rows = new ArrayList<>();
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckDb.createStatement();
                ResultSet result = statement.executeQuery("SELECT position, eventId, CAST(day AS VARCHAR), type, "
                        + "payload.orderId FROM read_json_auto('"
                        + lake.toString().replace("'", "''")
                        + "/**/*.jsonl', hive_partitioning = true) ORDER BY position")) {
            while (result.next()) {
                rows.add(result.getLong(1) + " " + result.getString(2) + " " + result.getString(3) + " "
                        + result.getString(4) + " " + result.getString(5));
            }
        }

        assertThat(rows)
                .containsExactly(
                        "3 event-3 2026-11-26 OrderPlacedEvent " + orderId.value(),
                        "4 event-4 2026-11-26 StockReservedEvent " + orderId.value(),
                        "5 event-5 2026-11-26 StockReservedEvent " + orderId.value(),
                        "6 event-6 2026-11-27 OrderAcceptedEvent " + orderId.value());
    }

    @Test
    void aReplicaReconcilingAsItStarts_neverDeletesAFileAnotherReplicaWritesMeanwhile() throws Exception {
        jdbc.execute("SET DEFAULT_LOCK_TIMEOUT 10000");
        DataLakeProjector writing = projector();
        deliver(writing, placed(1, DAY_ONE));
        ExecutorService otherReplica = Executors.newSingleThreadExecutor();
        AtomicReference<Thread> writer = new AtomicReference<>();
        AtomicReference<Future<?>> batch = new AtomicReference<>();
        LakeFiles starting = new LakeFiles(lake) {
            @Override
            synchronized List<String> published() {
                if (batch.get() == null) {
                    // between the reconciliation's look at the ledger and its look at the folder
                    batch.set(otherReplica.submit(() -> {
                        writer.set(Thread.currentThread());
                        deliver(writing, reserved(2, DAY_ONE));
                    }));
                    await().atMost(Duration.ofSeconds(10))
                            .until(() -> batch.get().isDone() || waiting(writer.get()));
                }
                return super.published();
            }
        };

        assertThat(unstarted(starting).mayStart()).isTrue();
        batch.get().get(10, TimeUnit.SECONDS);
        otherReplica.shutdown();

        assertThat(eventIdsInLake()).containsExactly("event-1", "event-2");
        assertThat(new LakeLedger(jdbc).fileNames())
                .containsExactlyInAnyOrderElementsOf(lakeContent().keySet());
    }

    private static boolean waiting(Thread thread) {
        return thread != null
                && Set.of(Thread.State.WAITING, Thread.State.TIMED_WAITING, Thread.State.BLOCKED)
                        .contains(thread.getState());
    }

    @Test
    void aReplicaWhoseFolderIsNotTheLakes_mayNotStart_andWritesNothingThere(@TempDir Path elsewhere)
            throws IOException {
        deliver(projector(), placed(1, DAY_ONE));
        DataLakeProjector misplaced = unstarted(new LakeFiles(elsewhere));

        assertThat(misplaced.mayStart()).isFalse();
        ResultMessage<?> refused = deliver(misplaced, List.of(reserved(2, DAY_ONE)), unitOfWork -> {});

        assertThat(refused.isExceptional()).isTrue();
        assertThat(refused.exceptionResult()).hasMessageContaining("not written here");
        try (Stream<Path> written = Files.walk(elsewhere)) {
            assertThat(written.filter(Files::isRegularFile)).isEmpty();
        }
        assertThat(count(jdbc, "lake_event")).isEqualTo(1);
        assertThat(eventIdsInLake()).containsExactly("event-1");
    }

    @Test
    void anEventOutsideAUnitOfWork_isRefused() {
        assertThatThrownBy(() -> new AnnotationEventHandlerAdapter(projector()).handle(placed(1, DAY_ONE)))
                .isInstanceOf(IllegalStateException.class);
    }
}
