package io.sourced.app.replicas;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class TimeoutsCancelledWhileFiringTest {

    private final Scheduler scheduler = mock(Scheduler.class);

    @Test
    void cancelTimeout_whileItFires_isDone() {
        doThrow(new TaskInstanceCurrentlyExecutingException("AxonDeadline", "t-1"))
                .when(scheduler)
                .cancel(any(TaskInstanceId.class));

        assertThatCode(() -> quiet().cancelSchedule("order-timeout", "t-1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> axons().cancelSchedule("order-timeout", "t-1"))
                .as("Axon's own manager, for comparison")
                .isInstanceOf(TaskInstanceCurrentlyExecutingException.class);
    }

    @Test
    void cancelTimeout_alreadyGone_isDone() {
        doThrow(new TaskInstanceNotFoundException("AxonDeadline", "t-2"))
                .when(scheduler)
                .cancel(any(TaskInstanceId.class));

        assertThatCode(() -> quiet().cancelSchedule("order-timeout", "t-2")).doesNotThrowAnyException();
    }

    @Test
    void cancelTimeout_scheduled_cancelsItsTask() {
        quiet().cancelSchedule("order-timeout", "t-3");

        verify(scheduler).cancel(new DbSchedulerDeadlineToken("t-3"));
    }

    private TimeoutsCancelledWhileFiring quiet() {
        return new TimeoutsCancelledWhileFiring(builder(), scheduler);
    }

    private DbSchedulerDeadlineManager axons() {
        return builder().scheduler(scheduler).build();
    }

    private static DbSchedulerDeadlineManager.Builder builder() {
        return DbSchedulerDeadlineManager.builder()
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(
                        DefaultConfigurer.defaultConfiguration().buildConfiguration()))
                .serializer(JacksonSerializer.defaultSerializer())
                .startScheduler(false)
                .stopScheduler(false);
    }
}
