package io.sourced.query.log.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.query.AggregateStates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * An aggregate's states version by version, folded by its view's own fold ({@link AggregateStates}), with the event
 * that made each one and the fields it changed, in the REST layer's JSON.
 */
@Component
class StateVersions {

    private final Map<String, AggregateStates> byType;
    private final EventMapper events;
    private final ObjectMapper json;

    StateVersions(List<AggregateStates> states, EventMapper events, ObjectMapper json) {
        this.byType = states.stream().collect(Collectors.toMap(AggregateStates::aggregateType, Function.identity()));
        this.events = events;
        this.json = EventMapper.exact(json);
    }

    /**
     * The states after the events whose sequence number follows {@code after}, at most {@code limit}, oldest first;
     * none for a type of aggregate no view folds.
     */
    List<AggregateState> of(String aggregateType, String aggregateId, long after, int limit) {
        AggregateStates states = byType.get(aggregateType);
        if (states == null) {
            return List.of();
        }
        List<AggregateState> page = new ArrayList<>(limit);
        states.versions(aggregateId, after, limit, (event, before, state) -> {
            JsonNode now = tree(state);
            page.add(new AggregateState(
                    event.getSequenceNumber(),
                    StateEvent.of(events.toEvent(event, -1)),
                    now,
                    Changes.between(tree(before), now)));
        });
        return page;
    }

    private JsonNode tree(Object state) {
        return state == null ? null : json.valueToTree(state);
    }
}
