package io.sourced.query.log.eventlog;

import io.sourced.api.caller.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An aggregate's state version by version: the clean room in which one aggregate's history is stepped through. */
@RestController
@Tag(name = "Event log")
class StatesController {

    private final TrailAccess access;
    private final StateVersions versions;

    StatesController(TrailAccess access, StateVersions versions) {
        this.access = access;
        this.versions = versions;
    }

    @Operation(
            summary = "An aggregate's state after each of its events, oldest first, with the event and the fields it "
                    + "changed; who may read it, and its pages, as the aggregate's history",
            description = "Folded from the event log by the same fold as the views and the asOf answers. Resume with "
                    + "after=<the last version seen>; a full page has a Link header (rel=\"next\") to the next one. "
                    + "An order's version also shows the prices its lines' reservations brought before it. 404 when "
                    + "the aggregate has no event yet or is not the customer's")
    @ApiResponse(
            responseCode = "200",
            headers =
                    @Header(
                            name = HttpHeaders.LINK,
                            description = "on a full page: <the next page>; rel=\"next\"",
                            schema = @Schema(type = "string")),
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = AggregateState.class))))
    @GetMapping("/api/aggregates/{aggregateId}/states")
    ResponseEntity<List<AggregateState>> states(
            @PathVariable String aggregateId,
            @Parameter(description = "the last version seen; -1 (default) reads from the first")
                    @RequestParam(defaultValue = "-1")
                    @Min(-1)
                    long after,
            @Parameter(
                            description = "at most this many versions; sourced.events.trail-limit (100) when not "
                                    + "given, at most sourced.events.trail-max-limit (1000)")
                    @RequestParam(required = false)
                    Integer limit,
            @Parameter(hidden = true) Caller caller) {
        int size = access.pageSize(limit);
        String aggregateType = access.first(aggregateId, caller).event().aggregateType();
        return TrailAccess.page(versions.of(aggregateType, aggregateId, after, size), size, AggregateState::version);
    }
}
