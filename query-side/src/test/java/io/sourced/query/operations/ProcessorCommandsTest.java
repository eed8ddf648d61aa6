package io.sourced.query.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.sourced.api.operations.ReplayOutcome;
import io.sourced.api.operations.ReplayProcessorCommand;
import io.sourced.api.operations.RetryDeadLettersCommand;
import io.sourced.api.operations.RetryOutcome;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

class ProcessorCommandsTest {

    private final EventProcessors processors = mock(EventProcessors.class);
    private final DataSourceTransactionManager transactions = transactions();
    private final ProcessorCommands commands = new ProcessorCommands(processors, transactions);

    private static DataSourceTransactionManager transactions() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:processor-commands;DB_CLOSE_DELAY=-1");
        return new DataSourceTransactionManager(dataSource);
    }

    @Test
    void replay_runsOutsideTheCommandsTransaction_soOtherReplicasSeeItsRequest() {
        AtomicBoolean inTransaction = new AtomicBoolean(true);
        when(processors.replay("orders-view")).thenAnswer(call -> {
            inTransaction.set(TransactionSynchronizationManager.isActualTransactionActive());
            return ReplayOutcome.STARTED;
        });

        ReplayOutcome outcome = new TransactionTemplate(transactions)
                .execute(status -> commands.handle(new ReplayProcessorCommand("orders-view")));

        assertThat(outcome).isEqualTo(ReplayOutcome.STARTED);
        assertThat(inTransaction).isFalse();
    }

    @Test
    void retry_answersTheOutcome_orNoneWithoutADeadLetterQueue() {
        when(processors.retryDeadLetters("orders-view")).thenReturn(Optional.of(new RetryOutcome("orders-view", 2, 1)));
        when(processors.retryDeadLetters("event-log")).thenReturn(Optional.empty());

        assertThat(commands.handle(new RetryDeadLettersCommand("orders-view")))
                .isEqualTo(new RetryOutcome("orders-view", 2, 1));
        assertThat(commands.handle(new RetryDeadLettersCommand("event-log"))).isNull();
    }
}
