package io.sourced.query.log.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.caller.Caller;
import io.sourced.api.ordering.OrderId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The event log given away: the whole log as a resumable NDJSON feed (read from the event store), and from its
 * index the audit trail of one aggregate and the trace of one order. Customers see only their own.
 */
@RestController
@Tag(name = "Event log")
class EventLogController {

    static final int MAX_LIMIT = 1000;
    private static final String NDJSON = "application/x-ndjson";

    private final EventFeed feed;
    private final EventIndex index;
    private final ObjectMapper json;
    private final TrailAccess access;

    EventLogController(EventFeed feed, EventIndex index, ObjectMapper json, TrailAccess access) {
        this.feed = feed;
        this.index = index;
        this.json = json;
        this.access = access;
    }

    @Operation(
            summary = "The event log (ADMIN): one Event a line, in log order",
            description = "Resume with after=<the last position seen>: no event is repeated across pages, and none "
                    + "is missed but one whose write takes longer than sourced.events.gap-timeout to commit. "
                    + "A page may hold fewer than limit events (even none) while a concurrent write is still "
                    + "committing; ask again.")
    @ApiResponse(
            responseCode = "200",
            description = "NDJSON, one Event a line",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = Event.class)))
    @GetMapping(path = "/api/events", produces = NDJSON)
    ResponseEntity<byte[]> events(
            @Parameter(description = "the last position seen; -1 (default) reads from the start")
                    @RequestParam(defaultValue = "-1")
                    @Min(-1)
                    long after,
            @Parameter(description = "at most this many events, 1 to " + MAX_LIMIT)
                    @RequestParam(defaultValue = "100")
                    @Min(1)
                    @Max(MAX_LIMIT)
                    int limit) {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        try {
            for (Event event : feed.page(after, limit)) {
                lines.write(json.writeValueAsBytes(event));
                lines.write('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an event as JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(lines.toByteArray());
    }

    @Operation(
            summary = "A page of an aggregate's history, oldest first; a customer sees only their own account and "
                    + "orders",
            description = "Resume with after=<the sequence of the last event seen>; a full page has a Link header "
                    + "(rel=\"next\") to the next one. 404 when the aggregate has no event yet or is not the "
                    + "customer's (the index follows the log within milliseconds)")
    @ApiResponse(
            responseCode = "200",
            headers =
                    @Header(
                            name = HttpHeaders.LINK,
                            description = "on a full page: <the next page>; rel=\"next\"",
                            schema = @Schema(type = "string")),
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Event.class))))
    @GetMapping("/api/aggregates/{aggregateId}/events")
    ResponseEntity<List<Event>> aggregateEvents(
            @PathVariable String aggregateId,
            @Parameter(description = "the sequence of the last event seen; -1 (default) reads from the first")
                    @RequestParam(defaultValue = "-1")
                    @Min(-1)
                    long after,
            @Parameter(
                            description = "at most this many events; sourced.events.trail-limit (100) when not given, "
                                    + "at most sourced.events.trail-max-limit (1000)")
                    @RequestParam(required = false)
                    Integer limit,
            @Parameter(hidden = true) Caller caller) {
        int size = access.pageSize(limit);
        access.first(aggregateId, caller);
        List<EventIndex.Indexed> page = index.ofAggregate(aggregateId, after, size);
        if (!page.stream().allMatch(event -> access.mayRead(event, caller))) {
            throw TrailAccess.notFound(aggregateId);
        }
        return TrailAccess.page(page.stream().map(EventIndex.Indexed::event).toList(), size, Event::sequence);
    }

    @Operation(
            summary = "Every event the order caused, across the aggregates and the workflow, in log order",
            description = "Found through the traceIds of the order's OrderPlacedEvent (with traces on, the W3C trace id"
                    + " of the request that placed it) and of its ReturnRequestedEvents; 404 when unknown or another"
                    + " customer's")
    @ApiResponse(
            responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Event.class))))
    @GetMapping("/api/orders/{orderId}/trace")
    List<Event> trace(@PathVariable String orderId, @Parameter(hidden = true) Caller caller) {
        String id = canonical(orderId);
        return index.placementOf(id)
                .filter(placed -> placed.traceId() != null)
                .filter(placed -> caller.isAdmin()
                        || (caller.customerId() != null
                                && caller.customerId().value().equals(placed.customerId())))
                .map(placed -> index.traceOf(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + orderId));
    }

    private static String canonical(String orderId) {
        try {
            return OrderId.of(orderId).value();
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + orderId);
        }
    }
}
