package io.sourced.query.log.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static FieldChange change(String field, String before, String after) throws Exception {
        return new FieldChange(field, before == null ? null : json(before), after == null ? null : json(after));
    }

    @Test
    void between_noStateAndTheFirst_addsEveryField_nestedOnesByTheirPath() throws Exception {
        assertThat(Changes.between(null, json("{\"status\":\"PENDING\",\"lines\":[{\"qty\":2,\"price\":null}]}")))
                .containsExactly(
                        change("status", null, "\"PENDING\""),
                        change("lines[0].qty", null, "2"),
                        new FieldChange("lines[0].price", null, NullNode.getInstance()));
    }

    @Test
    void between_twoStates_namesTheChangedNestedValues_andOnlyThose() throws Exception {
        JsonNode before =
                json("{\"status\":\"PENDING\",\"lines\":[{\"qty\":2,\"price\":null},{\"qty\":1,\"price\":null}],"
                        + "\"total\":null}");
        JsonNode after =
                json("{\"status\":\"ACCEPTED\",\"lines\":[{\"qty\":2,\"price\":1.50},{\"qty\":1,\"price\":null}],"
                        + "\"total\":3.00}");

        assertThat(Changes.between(before, after))
                .containsExactly(
                        change("status", "\"PENDING\"", "\"ACCEPTED\""),
                        change("lines[0].price", "null", "1.50"),
                        change("total", "null", "3.00"));
    }

    @Test
    void between_aFieldOnlyBefore_isRemoved_andAListThatGrew_addsItsNewItems() throws Exception {
        JsonNode before = json("{\"name\":\"Lamp\",\"tags\":[\"a\"],\"note\":{\"text\":\"x\"}}");
        JsonNode after = json("{\"name\":\"Lamp\",\"tags\":[\"a\",\"b\"],\"note\":{}}");

        assertThat(Changes.between(before, after))
                .containsExactly(
                        change("tags[1]", null, "\"b\""),
                        change("note", null, "{}"),
                        change("note.text", "\"x\"", null));
    }

    @Test
    void between_equalStates_isNothing() throws Exception {
        JsonNode state = json("{\"balance\":10.00,\"lines\":[]}");

        assertThat(Changes.between(state, state.deepCopy())).isEmpty();
        assertThat(Changes.fields(state)).containsOnlyKeys("balance", "lines");
        assertThat(Changes.between(state, null)).extracting(FieldChange::field).isEqualTo(List.of("balance", "lines"));
    }
}
