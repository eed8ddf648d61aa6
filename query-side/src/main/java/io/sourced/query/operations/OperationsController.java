package io.sourced.query.operations;

import io.sourced.api.operations.DeadLetterView;
import io.sourced.api.operations.ProcessorStatus;
import io.sourced.api.operations.ReplayOutcome;
import io.sourced.api.operations.RetryOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Operations for administrators (the application's security config keeps {@code /api/admin/**} to ADMIN). */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Operations")
class OperationsController {

    private final EventProcessors processors;

    OperationsController(EventProcessors processors) {
        this.processors = processors;
    }

    @Operation(
            summary =
                    "Every event processor: segments and the replica holding each, position, head, lag, replaying, status, dead letters")
    @GetMapping("/processors")
    List<ProcessorStatus> processors() {
        return processors.statuses();
    }

    @Operation(
            summary = "Rebuild a processor's views from the first event",
            description = "Views kept in tables are rebuilt beside the live ones, which keep answering (new events"
                    + " included) until the rebuilt ones take over, in one transaction, at the head of the log;"
                    + " GET /api/admin/processors shows the progress under rebuild. The data lake is rewritten from"
                    + " the first event. 409 for the saga and processors with side effects, when the processor is"
                    + " being rebuilt already, and when other replicas did not release its segments in time.")
    @PostMapping("/processors/{name}/replay")
    ResponseEntity<ProcessorStatus> replay(@PathVariable String name) {
        switch (processors.replay(name)) {
            case UNKNOWN -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No processor " + name);
            case NOT_REPLAYABLE ->
                throw new ResponseStatusException(
                        HttpStatus.CONFLICT,
                        name + " cannot be replayed: it has side effects (a saga) or no token (subscribing)");
            case ALREADY_UNDER_WAY ->
                throw new ResponseStatusException(HttpStatus.CONFLICT, name + " is being rebuilt already");
            case HELD_ELSEWHERE ->
                throw new ResponseStatusException(
                        HttpStatus.CONFLICT,
                        name
                                + " cannot be replayed now: other replicas did not release its segments in time; try again");
            default -> {}
        }
        return ResponseEntity.accepted().body(processors.status(name).orElseThrow());
    }

    @Operation(
            summary = "Cancel the rebuild of a processor's views",
            description = "The live views stay as they are. 404 when no rebuild of the processor is under way.")
    @DeleteMapping("/processors/{name}/replay")
    ResponseEntity<ProcessorStatus> cancelReplay(@PathVariable String name) {
        if (!processors.cancelReplay(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No rebuild of " + name + " is under way");
        }
        return ResponseEntity.accepted().body(processors.status(name).orElseThrow());
    }

    @Operation(
            summary = "Rebuild views kept in tables, several in one reading of the log",
            description = "As a replay of each processor named (every view kept in tables when none is), but the log"
                    + " is read once for all of them and they take over together. 400 for a processor that keeps no"
                    + " views in tables; 409 when one of them is being rebuilt already.")
    @PostMapping("/views/rebuild")
    ResponseEntity<List<ProcessorStatus>> rebuildViews(@Valid @RequestBody RebuildViewsRequest request) {
        List<String> names = request.named();
        if (processors.rebuildViews(names) == ReplayOutcome.ALREADY_UNDER_WAY) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "A view named is being rebuilt already");
        }
        return ResponseEntity.accepted()
                .body(processors.statuses().stream()
                        .filter(status -> status.replaying()
                                && (names.isEmpty()
                                        || names.contains(status.name())
                                        || status.groups().stream().anyMatch(names::contains)))
                        .toList());
    }

    @Operation(summary = "The events parked in the dead-letter queues, with their error")
    @GetMapping("/dead-letters")
    List<DeadLetterView> deadLetters() {
        return processors.deadLetters();
    }

    @Operation(summary = "Process a processor's dead letters again, once their cause is fixed")
    @PostMapping("/dead-letters/{name}/retry")
    ResponseEntity<RetryOutcome> retry(@PathVariable String name) {
        RetryOutcome outcome = processors
                .retryDeadLetters(name)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "No dead-letter queue for processor " + name));
        return ResponseEntity.accepted().body(outcome);
    }
}
