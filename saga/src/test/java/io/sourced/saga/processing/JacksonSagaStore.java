package io.sourced.saga.processing;

import io.sourced.saga.store.LoadedSaga;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Keeps sagas only as their serialized bytes, as the JDBC saga store does, so every load is a deserialization; counts
 * the association lookups, each a query of the JDBC saga store.
 */
public class JacksonSagaStore implements SagaStore<Object> {

    private record Stored(SerializedObject<byte[]> saga, Set<AssociationValue> associations) {}

    private final Serializer serializer;
    private final Map<String, Stored> sagas = new LinkedHashMap<>();
    private int lookups;

    public JacksonSagaStore(Serializer serializer) {
        this.serializer = serializer;
    }

    public int size() {
        return sagas.size();
    }

    public byte[] serialized(String sagaId) {
        return sagas.get(sagaId).saga().getData();
    }

    public int lookups() {
        return lookups;
    }

    public String onlySagaId() {
        return sagas.keySet().iterator().next();
    }

    @Override
    public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
        lookups++;
        return sagas.entrySet().stream()
                .filter(entry -> entry.getValue().associations().contains(associationValue))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    @Override
    public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        Stored stored = sagas.get(sagaIdentifier);
        if (stored == null) {
            return null;
        }
        return new LoadedSaga<>(serializer.deserialize(stored.saga()), new HashSet<>(stored.associations()));
    }

    @Override
    public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        sagas.remove(sagaIdentifier);
    }

    @Override
    public void insertSaga(
            Class<?> sagaType, String sagaIdentifier, Object saga, Set<AssociationValue> associationValues) {
        sagas.put(sagaIdentifier, new Stored(serializer.serialize(saga, byte[].class), Set.copyOf(associationValues)));
    }

    @Override
    public void updateSaga(Class<?> sagaType, String sagaIdentifier, Object saga, AssociationValues associationValues) {
        sagas.put(
                sagaIdentifier,
                new Stored(serializer.serialize(saga, byte[].class), Set.copyOf(associationValues.asSet())));
    }
}
