package io.sourced.query;

import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;

/** Axon's in-process query bus, gateway and update emitter, as the application wires them, without Spring. */
public final class LocalQueries {

    private final SimpleQueryBus queryBus = SimpleQueryBus.builder()
            .queryUpdateEmitter(SimpleQueryUpdateEmitter.builder().build())
            .build();
    private final QueryGateway gateway =
            DefaultQueryGateway.builder().queryBus(queryBus).build();

    public LocalQueries register(Object queryHandlers) {
        new AnnotationQueryHandlerAdapter<>(queryHandlers).subscribe(queryBus);
        return this;
    }

    public QueryGateway gateway() {
        return gateway;
    }

    public QueryUpdateEmitter updateEmitter() {
        return queryBus.queryUpdateEmitter();
    }
}
