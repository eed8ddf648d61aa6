package io.sourced.saga.store;

import java.util.Set;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.SagaStore;

/** A saga instance as a store hands it out: the instance, and the association values it was stored with. */
public record LoadedSaga<S>(S saga, Set<AssociationValue> associationValues) implements SagaStore.Entry<S> {}
