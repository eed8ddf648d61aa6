package io.sourced.saga.store;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Replaces the JDBC saga store Axon would configure, in the same database and transactions. */
@Configuration(proxyBeanMethods = false)
class SagaStoreConfiguration {

    @Bean
    SagaStore<Object> sagaStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return new KeyedSagaStore(connectionProvider, serializer);
    }
}
