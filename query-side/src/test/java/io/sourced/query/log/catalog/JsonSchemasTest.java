package io.sourced.query.log.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.RejectionReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

    record EveryKindOfFieldEvent(
            OrderId orderId,
            long count,
            Integer boxed,
            boolean urgent,
            BigDecimal amount,
            Instant at,
            RejectionReason reason,
            String note) {}

    record MapEvent(Map<String, String> tags) {}

    @Test
    void schema_mapsEachFieldTypeToItsJsonType_inDeclarationOrder() throws Exception {
        JsonNode properties = JsonSchemas.of(EveryKindOfFieldEvent.class).path("properties");

        assertThat(properties).isEqualTo(new ObjectMapper().readTree("""
                {
                  "orderId": {"type": "string", "format": "uuid"},
                  "count": {"type": "integer"},
                  "boxed": {"type": "integer"},
                  "urgent": {"type": "boolean"},
                  "amount": {"type": "number"},
                  "at": {"type": "string", "format": "date-time"},
                  "reason": {"type": "string", "enum": ["OUT_OF_STOCK", "PAYMENT_DECLINED", "TIMEOUT"]},
                  "note": {"type": "string"}
                }"""));
        assertThat(properties.fieldNames())
                .toIterable()
                .containsExactly("orderId", "count", "boxed", "urgent", "amount", "at", "reason", "note");
    }

    @Test
    void schema_ofAnUnknownFieldType_failsNamingIt() {
        assertThatThrownBy(() -> JsonSchemas.of(MapEvent.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MapEvent.tags");
    }

    @Test
    void schema_ofAClass_failsSincePayloadsAreRecords() {
        assertThatThrownBy(() -> JsonSchemas.of(StringBuilder.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
