package io.sourced.timelines;

import io.sourced.api.timelines.TimelineSummary;
import io.sourced.api.timelines.TimelineView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
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

/** What-if timelines, for administrators (the application's security config keeps {@code /api/timelines} to ADMIN). */
@RestController
@RequestMapping("/api/timelines")
@Tag(name = "Timelines")
class TimelineController {

    private final Timelines timelines;

    TimelineController(Timelines timelines) {
        this.timelines = timelines;
    }

    @Operation(
            summary = "Run the log's period again under other rules",
            description = "The customers' and back office's intents recorded in [from, to) are sent again, in log"
                    + " order, into a sandbox of the real aggregates and workflow seeded with the state at from and"
                    + " deciding by the rules given (all optional, off when absent); nothing reaches the live log,"
                    + " views, lake or outside systems. Runs in the background: GET the Location for its progress"
                    + " and figures. 400 for to not after from, a period reaching into the future, an unknown rule"
                    + " or field, a rule out of range, a name blank or longer than 100 characters, a product that"
                    + " does not exist; 429 when too many timelines run or wait already.")
    @PostMapping
    ResponseEntity<TimelineIdResponse> start(@RequestBody TimelineRequest request) {
        String id = UUID.randomUUID().toString();
        timelines.run(id, request);
        return ResponseEntity.accepted()
                .location(URI.create("/api/timelines/" + id))
                .body(new TimelineIdResponse(id));
    }

    @Operation(summary = "The timelines, newest first (the latest 200), without their figures")
    @GetMapping
    List<TimelineSummary> list() {
        return timelines.list();
    }

    @Operation(
            summary = "A timeline: its progress and, once DONE, the log's outcome beside the timeline's",
            description = "actual and whatIf are the same figures over the orders placed in the period, byProduct"
                    + " and byDay (UTC) put both side by side. A timeline whose process stopped before it ended is"
                    + " FAILED with the reason.")
    @GetMapping("/{id}")
    TimelineView find(@PathVariable String id) {
        return timelines.find(id).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "Delete a timeline; a running one is stopped")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!timelines.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No timeline " + id);
    }
}
