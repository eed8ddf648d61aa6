package io.sourced.saga.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.SagaConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.spring.config.SpringSagaConfigurer;
import org.junit.jupiter.api.Test;

/** The workflow's processing as Axon's Spring Boot configuration applies it, after its own registration of the saga. */
class OrderWorkflowProcessingTest {

    @Test
    void theSaga_isManagedInTheSegmentOwningEachOrder_andItsFailuresPropagate() {
        List<ConfigurerModule> modules = new ArrayList<>(List.of(
                new OrderWorkflowProcessing().orderFulfilmentSagaProcessing(),
                new SpringSagaConfigurer(OrderFulfilmentSaga.class)));
        // the order in which Axon's Spring Boot configuration applies the modules it finds
        modules.sort(Comparator.comparingInt(ConfigurerModule::order));
        Configurer configurer = DefaultConfigurer.defaultConfiguration();
        modules.forEach(module -> module.configureModule(configurer));
        Configuration configuration = configurer.buildConfiguration();

        SagaConfiguration<OrderFulfilmentSaga> saga =
                configuration.eventProcessingConfiguration().sagaConfiguration(OrderFulfilmentSaga.class);
        assertThat(saga.manager()).isInstanceOf(OwningSegmentSagaManager.class);
        assertThat(saga.processingGroup()).isEqualTo(OrderWorkflowProcessing.PROCESSING_GROUP);
        assertThat(saga.listenerInvocationErrorHandler()).isSameAs(PropagatingErrorHandler.instance());
    }
}
