package io.sourced.ui;

import io.sourced.api.eventlog.FindAggregateStatesQuery;
import io.sourced.api.eventlog.StatePage;
import io.sourced.api.eventlog.StateVersion;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * An aggregate's states as pages step through them: one version at a time, the event that made it and the fields it
 * changed, with the versions before and after it to step to. Callers check who may see what first.
 */
@Component
class StateTimeline {

    private static final Logger log = LoggerFactory.getLogger(StateTimeline.class);

    private final QueryGateway queries;

    StateTimeline(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * Puts on the page the state after version {@code version} (null: the first) as {@code stateVersion}, null when there
     * is no such version, and the versions to step to as {@code statePrevious} and {@code stateNext} (null: none);
     * {@code statesUnavailable} when the log cannot be read.
     */
    void show(Model model, Object aggregateId, Long version) {
        long shown = version == null ? 0 : Math.max(0, version);
        List<StateVersion> versions;
        try {
            versions = queries.query(
                            new FindAggregateStatesQuery(String.valueOf(aggregateId), shown - 1, 2),
                            ResponseTypes.instanceOf(StatePage.class))
                    .join()
                    .versions();
        } catch (RuntimeException e) {
            log.warn("States unavailable for {}: {}", aggregateId, e.toString());
            model.addAttribute("statesUnavailable", true);
            return;
        }
        StateVersion state = versions.isEmpty() || versions.get(0).version() != shown ? null : versions.get(0);
        model.addAttribute("stateVersion", state);
        model.addAttribute("statePrevious", state != null && shown > 0 ? shown - 1 : null);
        model.addAttribute(
                "stateNext",
                state != null && versions.size() > 1 ? versions.get(1).version() : null);
    }
}
