package io.sourced.saga.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourced.saga.processing.OwningSegmentSagaManager;
import io.sourced.saga.processing.SpringBootSagaConfiguration;
import java.time.Duration;
import org.axonframework.config.SagaConfiguration;
import org.junit.jupiter.api.Test;

/** The returns workflow in a processor of its own, managed as the order workflow is. */
class ReturnWorkflowProcessingTest {

    @Test
    void theSaga_isManagedInTheSegmentOwningEachReturn_inItsOwnProcessor() {
        SagaConfiguration<ReturnSaga> saga =
                SpringBootSagaConfiguration.of(ReturnSaga.class, new ReturnWorkflowProcessing().returnSagaProcessing());

        assertThat(saga.manager()).isInstanceOf(OwningSegmentSagaManager.class);
        assertThat(saga.processingGroup()).isEqualTo("ReturnSagaProcessor");
    }

    @Test
    void settings_notPositive_areRefused() {
        assertThatThrownBy(() -> new ReturnWorkflowSettings(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("sourced.returns.timeout");
        assertThatThrownBy(() -> new ReturnWorkflowSettings(Duration.ofMinutes(1), Duration.ofSeconds(-1)))
                .hasMessageContaining("sourced.returns.retry");
    }
}
