package io.sourced.saga.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.SagaStorageException;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * Keeps each saga instance in one row of {@code saga_instance}, found by its one association value. Finding a saga
 * reads, locks and keeps its row for the load that follows in the same unit of work: one statement where Axon's JDBC
 * store runs three (the association lookup, the load, the load of its associations), and one row written where it
 * writes two.
 * <p>
 * The row stays locked until the transaction ends: a saga's events are handled by the replica that holds its segment,
 * but its deadline fires on whichever replica the scheduler picks, and without the lock the two could each load the
 * instance, change it, and the second write would undo the first.
 * <p>
 * A saga with more than one association value at a time is refused: none of this application's sagas has one.
 */
public class KeyedSagaStore implements SagaStore<Object> {

    private static final String FOUND_ROWS = KeyedSagaStore.class.getName() + ".found";

    private final ConnectionProvider connections;
    private final Serializer serializer;

    public KeyedSagaStore(ConnectionProvider connections, Serializer serializer) {
        this.connections = connections;
        this.serializer = serializer;
    }

    private record Row(SerializedObject<byte[]> saga, AssociationValue association) {}

    @Override
    public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
        String sql = "SELECT saga_id, revision, serialized_saga FROM saga_instance"
                + " WHERE saga_type = ? AND association_key = ? AND association_value = ? FOR UPDATE";
        String typeName = typeName(sagaType);
        return withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, typeName);
                statement.setString(2, associationValue.getKey());
                statement.setString(3, associationValue.getValue());
                try (ResultSet result = statement.executeQuery()) {
                    if (!result.next()) {
                        return Set.of();
                    }
                    String sagaId = result.getString(1);
                    SerializedObject<byte[]> saga = new SimpleSerializedObject<>(
                            result.getBytes(3), byte[].class, typeName, result.getString(2));
                    foundRows().put(sagaId, new Row(saga, associationValue));
                    return Set.of(sagaId);
                }
            }
        });
    }

    @Override
    public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        Row row = foundRows().remove(sagaIdentifier);
        if (row == null) {
            row = load(sagaIdentifier);
        }
        if (row == null) {
            return null;
        }
        S saga = serializer.deserialize(row.saga());
        return new LoadedSaga<>(saga, Set.of(row.association()));
    }

    @Override
    public void insertSaga(
            Class<?> sagaType, String sagaIdentifier, Object saga, Set<AssociationValue> associationValues) {
        AssociationValue association = onlyOne(associationValues);
        SerializedObject<byte[]> serialized = serializer.serialize(saga, byte[].class);
        update(
                "INSERT INTO saga_instance (saga_id, saga_type, association_key, association_value, revision,"
                        + " serialized_saga) VALUES (?, ?, ?, ?, ?, ?)",
                sagaIdentifier,
                typeName(sagaType),
                association.getKey(),
                association.getValue(),
                serialized.getType().getRevision(),
                serialized.getData());
    }

    @Override
    public void updateSaga(Class<?> sagaType, String sagaIdentifier, Object saga, AssociationValues associationValues) {
        AssociationValue association = onlyOne(associationValues.asSet());
        SerializedObject<byte[]> serialized = serializer.serialize(saga, byte[].class);
        update(
                "UPDATE saga_instance SET association_key = ?, association_value = ?, revision = ?,"
                        + " serialized_saga = ? WHERE saga_id = ?",
                association.getKey(),
                association.getValue(),
                serialized.getType().getRevision(),
                serialized.getData(),
                sagaIdentifier);
    }

    @Override
    public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        update("DELETE FROM saga_instance WHERE saga_id = ?", sagaIdentifier);
    }

    private Row load(String sagaId) {
        String sql = "SELECT saga_type, association_key, association_value, revision, serialized_saga"
                + " FROM saga_instance WHERE saga_id = ? FOR UPDATE";
        return withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, sagaId);
                try (ResultSet result = statement.executeQuery()) {
                    if (!result.next()) {
                        return null;
                    }
                    return new Row(
                            new SimpleSerializedObject<>(
                                    result.getBytes(5), byte[].class, result.getString(1), result.getString(4)),
                            new AssociationValue(result.getString(2), result.getString(3)));
                }
            }
        });
    }

    /**
     * The rows found in this unit of work and not loaded yet. Outside one (never the case in a processor) nothing is
     * kept, and the load reads the row again.
     */
    private static Map<String, Row> foundRows() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new HashMap<>();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(FOUND_ROWS, key -> new HashMap<String, Row>());
    }

    private static AssociationValue onlyOne(Set<AssociationValue> associationValues) {
        if (associationValues.size() != 1) {
            throw new IllegalStateException(
                    "A saga kept in one row has exactly one association value, not " + associationValues);
        }
        return associationValues.iterator().next();
    }

    private String typeName(Class<?> sagaType) {
        return serializer.typeForClass(sagaType).getName();
    }

    private void update(String sql, Object... parameters) {
        withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i] instanceof byte[] bytes) {
                        statement.setBytes(i + 1, bytes);
                    } else {
                        statement.setString(i + 1, (String) parameters[i]);
                    }
                }
                return statement.executeUpdate();
            }
        });
    }

    private interface Work<R> {
        R on(Connection connection) throws SQLException;
    }

    private <R> R withConnection(Work<R> work) {
        try (Connection connection = connections.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new SagaStorageException("The saga store failed: " + e.getMessage(), e);
        }
    }
}
