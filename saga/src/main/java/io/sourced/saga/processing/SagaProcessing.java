package io.sourced.saga.processing;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.modelling.saga.AbstractSagaManager;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.SagaManagerSpanFactory;

/**
 * How a workflow's processor runs its saga. A saga handler that fails is never logged and skipped: the workflow would
 * stall with stock or money held. The failure stops the segment, which rolls back and retries the event with
 * back-off. Each saga's events are handled only in the segment that owns its association value
 * ({@link OwningSegmentSagaManager}).
 */
public final class SagaProcessing {

    private SagaProcessing() {}

    /** The saga registered under its processing group, managed as above. */
    public static <T> ConfigurerModule of(Class<T> sagaType, String processingGroup) {
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing(processing -> processing
                        .registerSaga(
                                sagaType,
                                saga -> saga.configureSagaManager(
                                        configuration -> sagaManager(sagaType, processingGroup, configuration)))
                        .registerListenerInvocationErrorHandler(
                                processingGroup, configuration -> PropagatingErrorHandler.instance()));
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
    private static <T> AbstractSagaManager<T> sagaManager(
            Class<T> sagaType, String processingGroup, Configuration configuration) {
        return new OwningSegmentSagaManager<>(AnnotatedSagaManager.<T>builder()
                .sagaType(sagaType)
                .sagaRepository(configuration
                        .eventProcessingConfiguration()
                        .sagaConfiguration(sagaType)
                        .repository())
                .parameterResolverFactory(configuration.parameterResolverFactory())
                .handlerDefinition(configuration.handlerDefinition(sagaType))
                .listenerInvocationErrorHandler(
                        configuration.eventProcessingConfiguration().listenerInvocationErrorHandler(processingGroup))
                .spanFactory(configuration.getComponent(SagaManagerSpanFactory.class)));
    }
}
