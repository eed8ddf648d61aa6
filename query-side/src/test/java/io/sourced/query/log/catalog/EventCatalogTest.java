package io.sourced.query.log.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    private final List<CatalogEntry> catalog = new EventCatalog().entries();

    @Test
    void catalog_listsEveryEventOfTheApi_byType() {
        assertThat(catalog)
                .extracting(CatalogEntry::type)
                .contains(
                        "AccountOpenedEvent",
                        "DepositReversedEvent",
                        "FundsDepositedEvent",
                        "FundsWithdrawnEvent",
                        "PaymentAuthorizedEvent",
                        "PaymentDeclinedEvent",
                        "PaymentRefundedEvent",
                        "ProductRegisteredEvent",
                        "ProductRestockedEvent",
                        "ReservationConfirmedEvent",
                        "StockReleasedEvent",
                        "StockReservationRejectedEvent",
                        "StockReservedEvent",
                        "StockWrittenOffEvent",
                        "OrderAcceptedEvent",
                        "OrderCancelledEvent",
                        "OrderPlacedEvent",
                        "OrderRejectedEvent")
                .allMatch(type -> type.endsWith("Event"))
                .isSortedAccordingTo(Comparator.naturalOrder())
                .doesNotHaveDuplicates();
        assertThat(catalog).allSatisfy(entry -> {
            assertThat(entry.revision()).as(entry.type()).isNotBlank();
            assertThat(entry.schema().path("$schema").asText()).isEqualTo(JsonSchemas.DIALECT);
        });
    }

    @Test
    void productRegisteredEvent_isAtRevision2_withACategory() {
        CatalogEntry registered = entry("ProductRegisteredEvent");

        assertThat(registered.revision()).isEqualTo("2");
        assertThat(registered
                        .schema()
                        .path("properties")
                        .path("category")
                        .path("type")
                        .asText())
                .isEqualTo("string");
        assertThat(registered.schema().path("required"))
                .extracting(node -> node.asText())
                .containsExactly("productId", "name", "price", "initialStock", "category");
    }

    @Test
    void orderPlacedEvent_schema_describesItsIdsAndLines() throws Exception {
        assertThat(entry("OrderPlacedEvent").schema()).isEqualTo(new ObjectMapper().readTree("""
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "title": "OrderPlacedEvent",
                  "type": "object",
                  "properties": {
                    "orderId": {"type": "string", "format": "uuid"},
                    "customerId": {"type": "string", "format": "uuid"},
                    "lines": {
                      "type": "array",
                      "items": {
                        "title": "OrderLine",
                        "type": "object",
                        "properties": {
                          "productId": {"type": "string", "format": "uuid"},
                          "quantity": {"type": "integer"}
                        },
                        "required": ["productId", "quantity"],
                        "additionalProperties": false
                      }
                    }
                  },
                  "required": ["orderId", "customerId", "lines"],
                  "additionalProperties": false
                }"""));
    }

    @Test
    void entries_areCopies_soNoCallerChangesTheCatalog() {
        ((ObjectNode) entry("OrderPlacedEvent").schema()).remove("properties");

        assertThat(entry("OrderPlacedEvent").schema().has("properties")).isTrue();
    }

    private CatalogEntry entry(String type) {
        return new EventCatalog()
                .entries().stream()
                        .filter(e -> e.type().equals(type))
                        .findFirst()
                        .orElseThrow();
    }
}
