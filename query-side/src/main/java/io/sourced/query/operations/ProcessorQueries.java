package io.sourced.query.operations;

import io.sourced.api.operations.DeadLetterView;
import io.sourced.api.operations.FindDeadLettersQuery;
import io.sourced.api.operations.FindProcessorsQuery;
import io.sourced.api.operations.ProcessorStatus;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** The processors' status and dead letters for whoever asks over the query bus (the operations page). */
@Component
class ProcessorQueries {

    private final EventProcessors processors;

    ProcessorQueries(EventProcessors processors) {
        this.processors = processors;
    }

    /** Ask with {@code ResponseTypes.multipleInstancesOf(ProcessorStatus.class)}. */
    @QueryHandler
    List<ProcessorStatus> handle(FindProcessorsQuery query) {
        return processors.statuses();
    }

    /** Ask with {@code ResponseTypes.multipleInstancesOf(DeadLetterView.class)}. */
    @QueryHandler
    List<DeadLetterView> handle(FindDeadLettersQuery query) {
        return processors.deadLetters();
    }
}
