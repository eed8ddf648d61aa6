package io.sourced.saga.ordering;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.modelling.saga.AbstractSagaManager;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.SagaManagerSpanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the workflow's processor runs the saga. A saga handler that fails (a command it sends fails) is never logged and
 * skipped: the workflow would stall with stock or money held. The failure stops the segment, which rolls back and
 * retries the event with back-off. Each order's events are handled only in the segment that owns the order
 * ({@link OwningSegmentSagaManager}).
 */
@Configuration(proxyBeanMethods = false)
class OrderWorkflowProcessing {

    static final String PROCESSING_GROUP = "OrderFulfilmentSagaProcessor";

    @Bean
    ConfigurerModule orderFulfilmentSagaProcessing() {
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing(processing -> processing
                        .registerSaga(
                                OrderFulfilmentSaga.class,
                                saga -> saga.configureSagaManager(OrderWorkflowProcessing::sagaManager))
                        .registerListenerInvocationErrorHandler(
                                PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance()));
            }

            /**
             * After Axon's Spring registration of every {@code @Saga}, which this one replaces (the saga's store is the
             * application's, as there).
             */
            @Override
            public int order() {
                return 1;
            }
        };
    }

    /** Built as Axon builds its own saga manager, from the same configuration. */
    private static AbstractSagaManager<OrderFulfilmentSaga> sagaManager(
            org.axonframework.config.Configuration configuration) {
        return new OwningSegmentSagaManager<>(AnnotatedSagaManager.<OrderFulfilmentSaga>builder()
                .sagaType(OrderFulfilmentSaga.class)
                .sagaRepository(configuration
                        .eventProcessingConfiguration()
                        .sagaConfiguration(OrderFulfilmentSaga.class)
                        .repository())
                .parameterResolverFactory(configuration.parameterResolverFactory())
                .handlerDefinition(configuration.handlerDefinition(OrderFulfilmentSaga.class))
                .listenerInvocationErrorHandler(
                        configuration.eventProcessingConfiguration().listenerInvocationErrorHandler(PROCESSING_GROUP))
                .spanFactory(configuration.getComponent(SagaManagerSpanFactory.class)));
    }
}
