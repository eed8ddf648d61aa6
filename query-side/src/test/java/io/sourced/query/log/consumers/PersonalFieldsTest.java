package io.sourced.query.log.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.query.log.catalog.CatalogEntry;
import io.sourced.query.log.catalog.EventCatalog;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PersonalFieldsTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode tree(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void payloadWithout_anAccountOpened_leavesTheCustomersNameOut() throws Exception {
        JsonNode payload = tree("{\"customerId\":\"c\",\"name\":\"Alice\"}");

        assertThat(PersonalFields.payloadWithout("AccountOpenedEvent", payload))
                .isEqualTo(tree("{\"customerId\":\"c\"}"));
        assertThat(payload.has("name")).as("the event itself is left alone").isTrue();
    }

    @Test
    void payloadWithout_aProductRegistered_keepsTheProductsName() throws Exception {
        JsonNode payload = tree("{\"productId\":\"p\",\"name\":\"Monitor\"}");

        assertThat(PersonalFields.payloadWithout("ProductRegisteredEvent", payload))
                .isEqualTo(payload);
    }

    @Test
    void metadataWithout_keepsTheTraceAndCorrelationIdsOnly() throws Exception {
        JsonNode metadata = tree("{\"traceId\":\"t\",\"correlationId\":\"c\",\"username\":\"alice\",\"other\":1}");

        assertThat(PersonalFields.metadataWithout(metadata))
                .isEqualTo(tree("{\"traceId\":\"t\",\"correlationId\":\"c\"}"));
    }

    @Test
    void schemaWithout_anAccountOpened_neitherDescribesNorRequiresTheName() {
        JsonNode schema = catalog().get("AccountOpenedEvent").schema();

        JsonNode without = PersonalFields.schemaWithout("AccountOpenedEvent", schema);

        assertThat(without.path("properties").has("name")).isFalse();
        assertThat(without.path("required").toString()).doesNotContain("\"name\"");
        assertThat(without.path("properties").has("customerId")).isTrue();
        assertThat(schema.path("properties").has("name")).isTrue();
    }

    @Test
    void everyPersonalField_isAFieldOfItsEventInTheCatalog() {
        Map<String, CatalogEntry> catalog = catalog();

        PersonalFields.OF_PAYLOADS.forEach((type, fields) -> {
            assertThat(catalog).containsKey(type);
            fields.forEach(field -> assertThat(
                            catalog.get(type).schema().path("properties").has(field))
                    .as(type + "." + field)
                    .isTrue());
        });
    }

    private static Map<String, CatalogEntry> catalog() {
        return new EventCatalog().entries().stream().collect(Collectors.toMap(CatalogEntry::type, entry -> entry));
    }
}
