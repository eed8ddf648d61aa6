package io.sourced.query.log.eventlog;

import io.sourced.api.caller.Caller;
import java.util.List;
import java.util.function.ToLongFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Who may read an aggregate's history, and how it is paged: the rules the audit trail and the states by version
 * share. An administrator reads any aggregate, a customer one whose events name them (their account and orders);
 * to anyone else it does not exist.
 */
@Component
class TrailAccess {

    private final EventIndex index;
    private final EventLogSettings settings;

    TrailAccess(EventIndex index, EventLogSettings settings) {
        this.index = index;
        this.settings = settings;
    }

    /** The page size asked for: sourced.events.trail-limit when none, 400 outside 1 to the maximum. */
    int pageSize(Integer limit) {
        if (limit == null) {
            return settings.trailLimit();
        }
        if (limit < 1 || limit > settings.trailMaxLimit()) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "limit must be between 1 and " + settings.trailMaxLimit());
        }
        return limit;
    }

    /** The aggregate's first event, if the caller may read its history; 404 otherwise. */
    EventIndex.Indexed first(String aggregateId, Caller caller) {
        return index.firstOf(aggregateId)
                .filter(first -> mayRead(first, caller))
                .orElseThrow(() -> notFound(aggregateId));
    }

    boolean mayRead(EventIndex.Indexed event, Caller caller) {
        return caller.isAdmin()
                || (caller.customerId() != null && caller.customerId().value().equals(event.customerId()));
    }

    static ResponseStatusException notFound(String aggregateId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No aggregate " + aggregateId);
    }

    /** A page of the history; a full one links to the next, which starts after its last sequence number. */
    static <T> ResponseEntity<List<T>> page(List<T> items, int size, ToLongFunction<T> sequence) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (items.size() == size) {
            answer.header(
                    HttpHeaders.LINK,
                    "<"
                            + ServletUriComponentsBuilder.fromCurrentRequest()
                                    .replaceQueryParam("after", sequence.applyAsLong(items.get(items.size() - 1)))
                                    .replaceQueryParam("limit", size)
                                    .build()
                                    .toUriString()
                            + ">; rel=\"next\"");
        }
        return answer.body(items);
    }
}
