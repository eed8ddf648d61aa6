package io.sourced.app.replicas;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;

/**
 * Loads a saga instance with its row locked until the transaction ends. A saga's events are handled by the replica
 * that holds its segment, but its deadline fires on whichever replica the scheduler picks: without the lock, the two
 * could each load the instance, change it and write it back, and the second write would undo the first.
 */
class LockingSagaSqlSchema extends GenericSagaSqlSchema {

    @Override
    public PreparedStatement sql_loadSaga(Connection connection, String sagaId) throws SQLException {
        SagaSchema schema = sagaSchema();
        PreparedStatement statement = connection.prepareStatement("SELECT "
                + String.join(", ", schema.serializedSagaColumn(), schema.sagaTypeColumn(), schema.revisionColumn())
                + " FROM " + schema.sagaEntryTable() + " WHERE " + schema.sagaIdColumn() + " = ? FOR UPDATE");
        statement.setString(1, sagaId);
        return statement;
    }
}
