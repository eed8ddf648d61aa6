package io.sourced.query.operations;

import io.sourced.api.operations.CancelReplayCommand;
import io.sourced.api.operations.ReplayOutcome;
import io.sourced.api.operations.ReplayProcessorCommand;
import io.sourced.api.operations.RetryDeadLettersCommand;
import io.sourced.api.operations.RetryOutcome;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays and retries asked over the command bus, handled where the processors run. Outside the command's
 * transaction: a replay's request must be committed for the other replicas to see it while this one waits for
 * them, and each retried dead letter commits on its own.
 */
@Component
class ProcessorCommands {

    private final EventProcessors processors;
    private final TransactionTemplate outsideTransaction;

    ProcessorCommands(EventProcessors processors, PlatformTransactionManager transactions) {
        this.processors = processors;
        this.outsideTransaction = new TransactionTemplate(transactions);
        this.outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    @CommandHandler
    ReplayOutcome handle(ReplayProcessorCommand command) {
        return outsideTransaction.execute(status -> processors.replay(command.processor()));
    }

    /** Whether a rebuild of the processor's views was under way. */
    @CommandHandler
    boolean handle(CancelReplayCommand command) {
        return processors.cancelReplay(command.processor());
    }

    /** Null when the processor has no dead-letter queue. */
    @CommandHandler
    RetryOutcome handle(RetryDeadLettersCommand command) {
        return outsideTransaction.execute(
                status -> processors.retryDeadLetters(command.processor()).orElse(null));
    }
}
