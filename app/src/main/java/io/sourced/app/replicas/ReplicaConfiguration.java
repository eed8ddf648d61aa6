package io.sourced.app.replicas;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What lets several processes share one database as one application: token claims under each replica's own name.
 * Saga instances that one replica at a time may change are the saga store's part.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplicaSettings.class)
class ReplicaConfiguration {

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, ReplicaSettings replica) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(TokenSchema.builder().build())
                .serializer(serializer)
                .nodeId(replica.name())
                .claimTimeout(replica.claimTimeout())
                .build();
    }
}
