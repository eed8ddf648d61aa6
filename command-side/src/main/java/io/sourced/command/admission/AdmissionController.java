package io.sourced.command.admission;

import io.sourced.api.operations.FindWorkflowBacklogQuery;
import io.sourced.api.operations.WorkflowBacklogView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The workflow's backlog and the admission of new orders, for operators (the API, and the operations page). */
@RestController
@Tag(name = "Operations")
class AdmissionController {

    private final BacklogFollower backlog;
    private final OrderAdmission admission;
    private final AdmissionSettings settings;

    AdmissionController(BacklogFollower backlog, OrderAdmission admission, AdmissionSettings settings) {
        this.backlog = backlog;
        this.admission = admission;
        this.settings = settings;
    }

    @Operation(
            summary = "The order workflow's backlog as this replica sees it, and whether new orders are refused",
            description = "Every replica follows the whole log, so each sees the same backlog; refusedOrders counts"
                    + " this replica's refusals since it started.")
    @GetMapping("/api/admin/workflow")
    WorkflowBacklogView workflow() {
        return handle(new FindWorkflowBacklogQuery());
    }

    @QueryHandler
    WorkflowBacklogView handle(FindWorkflowBacklogQuery query) {
        Backlog now = backlog.current();
        return new WorkflowBacklogView(
                settings.enabled(),
                seconds(settings.limit().toMillis()),
                now.pendingOrders(),
                now.decidedPerSecond(),
                seconds(now.oldestPending().toMillis()),
                seconds(now.expectedWait().toMillis()),
                admission.refuses(now),
                admission.refused());
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }
}
