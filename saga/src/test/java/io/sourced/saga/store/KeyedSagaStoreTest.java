package io.sourced.saga.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

class KeyedSagaStoreTest {

    /** A saga as Axon stores one: plain fields, serialized as JSON. */
    public static class Workflow {
        public String orderId;
        public int step;

        public Workflow() {}

        Workflow(String orderId, int step) {
            this.orderId = orderId;
            this.step = step;
        }
    }

    private static final AssociationValue ORDER = new AssociationValue("orderId", "order-1");

    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private final AtomicInteger statements = new AtomicInteger();
    private JdbcDataSource dataSource;
    private KeyedSagaStore store;
    private UnitOfWork<?> unitOfWork;

    @BeforeEach
    void schema() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE sagaentry (sagaid VARCHAR(255) PRIMARY KEY, revision VARCHAR(255),"
                + " sagatype VARCHAR(255), serializedsaga BYTEA)");
        jdbc.execute("CREATE TABLE associationvalueentry (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                + " associationkey VARCHAR(255), associationvalue VARCHAR(255), sagaid VARCHAR(255),"
                + " sagatype VARCHAR(255))");
        ConnectionProvider counting = () -> {
            Connection connection = dataSource.getConnection();
            statements.incrementAndGet();
            return connection;
        };
        store = new KeyedSagaStore(counting, serializer);
    }

    @AfterEach
    void endUnitOfWork() {
        if (unitOfWork != null && unitOfWork.isActive()) {
            unitOfWork.rollback();
        }
    }

    private void migrate() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(
                    connection, new ClassPathResource("db/migration/V202612071500__saga_instances.sql"));
        }
    }

    @Test
    void aSagaFoundInAUnitOfWork_isLoadedWithoutASecondQuery() throws SQLException {
        migrate();
        store.insertSaga(Workflow.class, "saga-1", new Workflow("order-1", 1), Set.of(ORDER));
        unitOfWork = DefaultUnitOfWork.startAndGet(null);
        statements.set(0);

        Set<String> found = store.findSagas(Workflow.class, ORDER);
        SagaStore.Entry<Workflow> entry = store.loadSaga(Workflow.class, "saga-1");

        assertThat(found).containsExactly("saga-1");
        assertThat(entry.saga().step).isEqualTo(1);
        assertThat(entry.associationValues()).containsExactly(ORDER);
        assertThat(statements).as("statements for find and load").hasValue(1);
    }

    @Test
    void aSagaLoadedWithoutFindingIt_isReadByItsId() throws SQLException {
        migrate();
        store.insertSaga(Workflow.class, "saga-1", new Workflow("order-1", 1), Set.of(ORDER));

        assertThat(store.loadSaga(Workflow.class, "saga-1").saga().orderId).isEqualTo("order-1");
        assertThat(store.loadSaga(Workflow.class, "saga-2")).isNull();
        assertThat(store.findSagas(Workflow.class, new AssociationValue("orderId", "order-2")))
                .isEmpty();
    }

    @Test
    void anUpdatedSaga_isLoadedAsUpdated_andADeletedOneIsGone() throws SQLException {
        migrate();
        store.insertSaga(Workflow.class, "saga-1", new Workflow("order-1", 1), Set.of(ORDER));
        AssociationValuesImpl associations = new AssociationValuesImpl(Set.of(ORDER));

        store.updateSaga(Workflow.class, "saga-1", new Workflow("order-1", 2), associations);
        assertThat(store.loadSaga(Workflow.class, "saga-1").saga().step).isEqualTo(2);

        store.deleteSaga(Workflow.class, "saga-1", Set.of(ORDER));
        assertThat(store.findSagas(Workflow.class, ORDER)).isEmpty();
        assertThat(store.loadSaga(Workflow.class, "saga-1")).isNull();
    }

    @Test
    void aSagaWithTwoAssociationValues_isRefused() throws SQLException {
        migrate();
        Set<AssociationValue> two = Set.of(ORDER, new AssociationValue("customerId", "c-1"));

        assertThatThrownBy(() -> store.insertSaga(Workflow.class, "saga-1", new Workflow("order-1", 1), two))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exactly one association value");
    }

    @Test
    void sagasStoredInAxonsTablesBefore_areMovedIntoTheirRows() throws SQLException {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        var serialized = serializer.serialize(new Workflow("order-1", 3), byte[].class);
        jdbc.update(
                "INSERT INTO sagaentry (sagaid, revision, sagatype, serializedsaga) VALUES (?, ?, ?, ?)",
                "saga-1",
                serialized.getType().getRevision(),
                serializer.typeForClass(Workflow.class).getName(),
                serialized.getData());
        jdbc.update(
                "INSERT INTO associationvalueentry (associationkey, associationvalue, sagaid, sagatype)"
                        + " VALUES (?, ?, ?, ?)",
                "orderId",
                "order-1",
                "saga-1",
                serializer.typeForClass(Workflow.class).getName());

        migrate();

        assertThat(store.findSagas(Workflow.class, ORDER)).containsExactly("saga-1");
        assertThat(store.loadSaga(Workflow.class, "saga-1").saga().step).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sagaentry", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM associationvalueentry", Integer.class))
                .isZero();
    }
}
