package io.sourced.app.replicas;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * The deadline manager where db-scheduler runs (beside the saga): Axon's, built as Axon's own configuration would,
 * but for {@link TimeoutsCancelledWhileFiring}. Before Axon's configuration, which then leaves its own out.
 */
@AutoConfiguration(after = DbSchedulerAutoConfiguration.class, before = AxonDbSchedulerAutoConfiguration.class)
@ConditionalOnBean(Scheduler.class)
class DeadlinesConfiguration {

    @Bean
    DeadlineManager deadlineManager(
            Scheduler scheduler,
            Configuration configuration,
            @Qualifier("eventSerializer") Serializer serializer,
            TransactionManager transactionManager,
            DeadlineManagerSpanFactory spanFactory) {
        return new TimeoutsCancelledWhileFiring(
                DbSchedulerDeadlineManager.builder()
                        .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                        .serializer(serializer)
                        .transactionManager(transactionManager)
                        .spanFactory(spanFactory)
                        // db-scheduler's own Spring Boot configuration starts and stops it
                        .startScheduler(false)
                        .stopScheduler(false),
                scheduler);
    }
}
