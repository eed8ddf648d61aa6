package io.sourced.query.log.consumers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.refusal.Refusal;
import io.sourced.query.log.catalog.CatalogEntry;
import io.sourced.query.log.catalog.EventCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;

/**
 * The event feed for consumers (role CONSUMER, bearer token; the application's security keeps {@code /api/feed} to
 * them): only their granted types, positions that are theirs alone, their stored position, and the catalog of what
 * they may read.
 */
@RestController
@RequestMapping("/api/feed")
@Tag(name = "Consumer feed")
class FeedController {

    static final int MAX_LIMIT = 1000;
    private static final String NDJSON = "application/x-ndjson";
    private static final String BEARER = "Bearer ";
    private static final String AFTER = "a position this feed gave you; from the start of the log when left out";
    private static final String TYPES =
            "only these of your granted types (comma-separated or repeated); 403 for a type not granted to you";

    private final ConsumerRegistry registry;
    private final ConsumerFeed feed;
    private final FeedStreams streams;
    private final EventCatalog catalog;
    private final ObjectMapper json;

    FeedController(
            ConsumerRegistry registry,
            ConsumerFeed feed,
            FeedStreams streams,
            EventCatalog catalog,
            ObjectMapper json) {
        this.registry = registry;
        this.feed = feed;
        this.streams = streams;
        this.catalog = catalog;
        this.json = json;
    }

    @Operation(
            summary = "The feed (CONSUMER): one FeedEvent a line, in log order, of your granted types only",
            description = "Resume with after=<the position of the last event seen>, or with the Link header's next "
                    + "page, which also steps over what was read past without being yours. No event is repeated "
                    + "or missed across pages (bar a write slower than sourced.events.gap-timeout, as for "
                    + "/api/events). A page may hold fewer than limit events, even none; ask again.")
    @ApiResponse(
            responseCode = "200",
            description = "NDJSON, one FeedEvent a line",
            headers =
                    @Header(
                            name = HttpHeaders.LINK,
                            description = "<the next page>; rel=\"next\"",
                            schema = @Schema(type = "string")),
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = FeedEvent.class)))
    @GetMapping(produces = NDJSON)
    ResponseEntity<byte[]> page(
            @Parameter(description = AFTER) @RequestParam(required = false) String after,
            @Parameter(description = "at most this many events, 1 to " + MAX_LIMIT)
                    @RequestParam(defaultValue = "100")
                    @Min(1)
                    @Max(MAX_LIMIT)
                    int limit,
            @Parameter(description = TYPES) @RequestParam(required = false) List<String> types,
            @Parameter(hidden = true) @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        FeedReader reader = reader(authorization);
        Set<String> narrowed = narrowed(reader, types);
        ConsumerFeed.Page page = feed.read(
                reader,
                position(reader, after, "after"),
                limit,
                narrowed == null ? reader.eventTypes() : narrowed,
                true);
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        try {
            for (FeedEvent event : page.events()) {
                lines.write(json.writeValueAsBytes(event));
                lines.write('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an event as JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.LINK, "<" + next(page.next(), limit, narrowed) + ">; rel=\"next\"")
                .contentType(MediaType.parseMediaType(NDJSON))
                .body(lines.toByteArray());
    }

    @Operation(
            summary = "The feed as server-sent events (CONSUMER): each event as it is stored, its id its position",
            description = "Starts after Last-Event-ID (a reconnecting EventSource sends it), else after after=, else "
                    + "at the start of the log; the event name is the event type, the data a FeedEvent. A comment "
                    + "line every sourced.feed.heartbeat-every when quiet. Ends when the token is rotated or the "
                    + "consumer disabled, and after spring.mvc.async.request-timeout: reconnect with Last-Event-ID. "
                    + "429 past sourced.feed.max-streams open streams of one consumer.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(implementation = FeedEvent.class)))
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<FeedEvent>> stream(
            @Parameter(description = AFTER) @RequestParam(required = false) String after,
            @Parameter(description = TYPES) @RequestParam(required = false) List<String> types,
            @Parameter(description = "the id of the last event received: resumes after it, before after=")
                    @RequestHeader(name = "Last-Event-ID", required = false)
                    String lastEventId,
            @Parameter(hidden = true) @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        FeedReader reader = reader(authorization);
        Set<String> narrowed = narrowed(reader, types);
        long start = lastEventId != null && !lastEventId.isBlank()
                ? position(reader, lastEventId, "Last-Event-ID")
                : position(reader, after, "after");
        return streams.follow(bearer(authorization), reader, start, narrowed);
    }

    @Operation(summary = "Store where you are in the feed (CONSUMER): a position it gave you, forwards or back")
    @PutMapping("/position")
    FeedPosition storePosition(
            @Valid @RequestBody FeedPosition position,
            @Parameter(hidden = true) @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        FeedReader reader = reader(authorization);
        registry.storePosition(reader.consumerId(), position(reader, position.position(), "position"));
        return storedPosition(authorization);
    }

    @Operation(summary = "The position you stored last (CONSUMER); position null before you stored one")
    @GetMapping("/position")
    FeedPosition storedPosition(
            @Parameter(hidden = true) @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        FeedReader reader = reader(authorization);
        return registry.position(reader.consumerId())
                .map(stored -> new FeedPosition(FeedCursors.encode(reader.cursorKey(), stored.position()), stored.at()))
                .orElse(new FeedPosition(null, null));
    }

    @Operation(
            summary = "The event catalog of your granted types (CONSUMER), the payloads' JSON Schemas as you "
                    + "receive them (without personal fields unless you are granted personal data)")
    @ApiResponse(
            responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = CatalogEntry.class))))
    @GetMapping("/catalog")
    List<CatalogEntry> catalog(
            @Parameter(hidden = true) @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        FeedReader reader = reader(authorization);
        return catalog.entries().stream()
                .filter(entry -> reader.eventTypes().contains(entry.type()))
                .map(entry -> reader.personalData()
                        ? entry
                        : new CatalogEntry(
                                entry.type(),
                                entry.revision(),
                                PersonalFields.schemaWithout(entry.type(), entry.schema())))
                .toList();
    }

    /** The consumer signed in with the token; security let it through, so only a change since is refused. */
    private FeedReader reader(String authorization) {
        return registry.byToken(bearer(authorization))
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.UNAUTHORIZED, "This token was rotated or its consumer disabled."));
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip()
                : null;
    }

    /** The log position a cursor stands for: -1 (the start) when none was given. */
    private static long position(FeedReader reader, String cursor, String field) {
        if (cursor == null) {
            return -1;
        }
        return FeedCursors.decode(reader.cursorKey(), cursor)
                .orElseThrow(() -> Refusals.of(Refusal.invalid(field, "is not a position this feed gave you")));
    }

    /** The types asked for, each granted; null when none were named (all those granted). */
    static Set<String> narrowed(FeedReader reader, List<String> types) {
        if (types == null || types.isEmpty()) {
            return null;
        }
        Set<String> asked = new LinkedHashSet<>();
        for (String type : types) {
            if (type == null || type.isBlank()) {
                throw Refusals.of(Refusal.invalid("types", "must not name an empty type"));
            }
            if (!reader.eventTypes().contains(type.strip())) {
                throw new ResponseStatusException(
                        HttpStatus.FORBIDDEN, "types names an event type this consumer is not granted");
            }
            asked.add(type.strip());
        }
        return asked;
    }

    private static String next(String cursor, int limit, Set<String> narrowed) {
        String link = "/api/feed?after=" + cursor + "&limit=" + limit;
        return narrowed == null
                ? link
                : link + "&types=" + URLEncoder.encode(String.join(",", narrowed), StandardCharsets.UTF_8);
    }
}
