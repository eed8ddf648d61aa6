package io.sourced.saga.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.saga.processing.OwningSegmentSagaManager;
import io.sourced.saga.processing.SpringBootSagaConfiguration;
import org.axonframework.config.SagaConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.junit.jupiter.api.Test;

/** The workflow's processing as Axon's Spring Boot configuration applies it, after its own registration of the saga. */
class OrderWorkflowProcessingTest {

    @Test
    void theSaga_isManagedInTheSegmentOwningEachOrder_andItsFailuresPropagate() {
        SagaConfiguration<OrderFulfilmentSaga> saga = SpringBootSagaConfiguration.of(
                OrderFulfilmentSaga.class, new OrderWorkflowProcessing().orderFulfilmentSagaProcessing());

        assertThat(saga.manager()).isInstanceOf(OwningSegmentSagaManager.class);
        assertThat(saga.processingGroup()).isEqualTo(OrderWorkflowProcessing.PROCESSING_GROUP);
        assertThat(saga.listenerInvocationErrorHandler()).isSameAs(PropagatingErrorHandler.instance());
    }
}
