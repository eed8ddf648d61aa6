package io.sourced.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Comparator;

/**
 * A timeline as {@code GET /api/timelines/{id}} answers it once it ended: its status, the events it read and how its
 * outcome compares with the log's.
 *
 * @param status        {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param failure       why it failed; null otherwise
 * @param eventsRead    the period's events read from the log; 0 before it is done
 * @param ordersChanged orders that ended otherwise in the timeline; 0 before it is done
 * @param actual        the log's outcome ({@code Outcome} of docs/api.md); null before it is done
 * @param whatIf        the timeline's
 */
record TimelineAnswer(
        String status, String failure, long eventsRead, long ordersChanged, JsonNode actual, JsonNode whatIf) {

    /** Numbers compare by value: a revenue of {@code 10} is that of {@code 10.00}. */
    private static final Comparator<JsonNode> BY_VALUE = (one, other) -> {
        if (one.isNumber() && other.isNumber()) {
            return one.decimalValue().compareTo(other.decimalValue());
        }
        return one.equals(other) ? 0 : 1;
    };

    static TimelineAnswer of(JsonNode timeline) {
        return new TimelineAnswer(
                timeline.path("status").asText(),
                timeline.path("failure").isNull()
                        ? null
                        : timeline.path("failure").asText(null),
                timeline.path("eventsRead").asLong(),
                timeline.path("ordersChanged").asLong(),
                outcome(timeline.get("actual")),
                outcome(timeline.get("whatIf")));
    }

    boolean done() {
        return "DONE".equals(status);
    }

    /** What happened and what the timeline made of it are the same: every figure, every order's end. */
    boolean whatIfAgrees() {
        return done() && ordersChanged == 0 && actual.equals(BY_VALUE, whatIf);
    }

    BigDecimal actualRevenue() {
        return actual.path("revenue").decimalValue();
    }

    BigDecimal whatIfRevenue() {
        return whatIf.path("revenue").decimalValue();
    }

    private static JsonNode outcome(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}
