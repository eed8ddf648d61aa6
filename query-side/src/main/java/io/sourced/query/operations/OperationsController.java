package io.sourced.query.operations;

import io.sourced.api.operations.DeadLetterView;
import io.sourced.api.operations.ProcessorStatus;
import io.sourced.api.operations.RetryOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
            summary =
                    "Rebuild a processor's views from the first event (409 for the saga and subscribing processors, and when other replicas did not release its segments in time)")
    @PostMapping("/processors/{name}/replay")
    ResponseEntity<ProcessorStatus> replay(@PathVariable String name) {
        switch (processors.replay(name)) {
            case UNKNOWN -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No processor " + name);
            case NOT_REPLAYABLE ->
                throw new ResponseStatusException(
                        HttpStatus.CONFLICT,
                        name + " cannot be replayed: it has side effects (a saga) or no token (subscribing)");
            case HELD_ELSEWHERE ->
                throw new ResponseStatusException(
                        HttpStatus.CONFLICT,
                        name
                                + " cannot be replayed now: other replicas did not release its segments in time; try again");
            default -> {}
        }
        return ResponseEntity.accepted().body(processors.status(name).orElseThrow());
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
