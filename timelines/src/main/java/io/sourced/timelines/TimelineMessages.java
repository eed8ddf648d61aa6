package io.sourced.timelines;

import io.sourced.api.timelines.DeleteTimelineCommand;
import io.sourced.api.timelines.FindTimelineQuery;
import io.sourced.api.timelines.FindTimelinesQuery;
import io.sourced.api.timelines.RunTimelineCommand;
import io.sourced.api.timelines.TimelineSummary;
import io.sourced.api.timelines.TimelineView;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The timelines asked over the buses (the pages ask so, wherever the timelines run). A timeline is recorded outside
 * the command's transaction: its runner, on another thread, must find its row at once.
 */
@Component
class TimelineMessages {

    private final Timelines timelines;
    private final TransactionTemplate outsideTransaction;

    TimelineMessages(Timelines timelines, PlatformTransactionManager transactions) {
        this.timelines = timelines;
        this.outsideTransaction = new TransactionTemplate(transactions);
        this.outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    @CommandHandler
    void handle(RunTimelineCommand command) {
        TimelineRequest request = new TimelineRequest(command.name(), command.from(), command.to(), command.rules());
        outsideTransaction.executeWithoutResult(status -> timelines.run(command.timelineId(), request));
    }

    /** Whether there was such a timeline. */
    @CommandHandler
    boolean handle(DeleteTimelineCommand command) {
        return outsideTransaction.execute(status -> timelines.delete(command.timelineId()));
    }

    @QueryHandler
    List<TimelineSummary> handle(FindTimelinesQuery query) {
        return timelines.list();
    }

    @QueryHandler
    Optional<TimelineView> handle(FindTimelineQuery query) {
        return timelines.find(query.timelineId());
    }
}
