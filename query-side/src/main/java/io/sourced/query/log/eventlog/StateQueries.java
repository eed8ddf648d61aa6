package io.sourced.query.log.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import io.sourced.api.eventlog.FindAggregateStatesQuery;
import io.sourced.api.eventlog.StateField;
import io.sourced.api.eventlog.StatePage;
import io.sourced.api.eventlog.StateVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** States by version for whoever asks over the query bus (the pages), every field as text. */
@Component
class StateQueries {

    private final EventIndex index;
    private final StateVersions versions;
    private final int maxLimit;

    StateQueries(EventIndex index, StateVersions versions, EventLogSettings settings) {
        this.index = index;
        this.versions = versions;
        this.maxLimit = settings.trailMaxLimit();
    }

    /** Ask with {@code ResponseTypes.instanceOf(StatePage.class)}; a limit beyond the maximum is held to it. */
    @QueryHandler
    StatePage handle(FindAggregateStatesQuery query) {
        int limit = Math.max(1, Math.min(query.limit(), maxLimit));
        return index.firstOf(query.aggregateId())
                .map(first -> versions.of(first.event().aggregateType(), query.aggregateId(), query.after(), limit))
                .map(states ->
                        new StatePage(states.stream().map(StateQueries::version).toList()))
                .orElse(new StatePage(List.of()));
    }

    private static StateVersion version(AggregateState state) {
        JsonNode metadata = state.event().metadata();
        String username = metadata == null || !metadata.hasNonNull("username")
                ? null
                : metadata.get("username").asText();
        Map<String, FieldChange> changes =
                state.changes().stream().collect(Collectors.toMap(FieldChange::field, Function.identity()));
        List<StateField> fields = new ArrayList<>();
        Changes.fields(state.state()).forEach((name, value) -> {
            FieldChange change = changes.get(name);
            fields.add(
                    new StateField(name, text(value), change != null, change == null ? null : text(change.before())));
        });
        state.changes().stream()
                .filter(change -> change.after() == null)
                .forEach(removed -> fields.add(new StateField(removed.field(), null, true, text(removed.before()))));
        return new StateVersion(
                state.version(), state.event().type(), state.event().timestamp(), username, List.copyOf(fields));
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
