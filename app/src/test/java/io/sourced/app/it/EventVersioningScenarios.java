package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sourced.app.it.Api.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * Events are a public interface: a ProductRegisteredEvent stored as revision 1 (before categories) is read as
 * revision 2 by the aggregate and the products view, and the event catalog is the committed one.
 */
abstract class EventVersioningScenarios extends ApplicationScenarios {

    private static final String PRODUCT_REGISTERED = "io.sourced.api.inventory.ProductRegisteredEvent";

    @Test
    void eventStore_inTheApplicationsDatabase_isAxonsJdbcEngineParsingEachTimestampOnce() {
        assertThat(instance.bean(EventStorageEngine.class).getClass().getSimpleName())
                .isEqualTo("OnceParsedTimestampsStorageEngine");
    }

    @Test
    void productRegisteredRevision1_storedBeforeCategories_loadsIntoTheProductAndItsViewAsUncategorised() {
        String productId = UUID.randomUUID().toString();
        storeRevision1ProductRegistered(productId);

        admin.restock(productId, 3);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer product = admin.get("/api/products/" + productId);
            assertThat(product.status()).isEqualTo(200);
            assertThat(product.body().path("name").asText()).isEqualTo("Desk lamp");
            assertThat(product.body().path("price").decimalValue()).isEqualByComparingTo("34.50");
            assertThat(product.body().path("category").asText()).isEqualTo("Uncategorised");
            assertThat(product.body().path("available").asInt()).isEqualTo(10);
        });
        assertThat(instance.jdbc().queryForList("""
                SELECT payloadrevision FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber""", String.class, productId))
                .as(
                        "the stored event stays revision 1; it is upcast on every read. The restock is stored at its own revision")
                .containsExactly("1", "2");
    }

    @Test
    void registerProduct_withCategory_showsIt_andACategoryBeyondSixtyCharactersIsRefused() {
        Answer registered = admin.post(
                "/api/products",
                Map.of(
                        "name",
                        WorkflowScenarios.unique("Lamp"),
                        "price",
                        new BigDecimal("19.90"),
                        "stock",
                        2,
                        "category",
                        "Lighting"));
        Answer tooLong = admin.post(
                "/api/products",
                Map.of("name", "Lamp", "price", BigDecimal.ONE, "stock", 1, "category", "x".repeat(61)));
        Answer blank = admin.post(
                "/api/products", Map.of("name", "Lamp", "price", BigDecimal.ONE, "stock", 1, "category", " "));

        assertThat(registered.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(admin.get("/api/products/" + registered.id("productId"))
                                .body()
                                .path("category")
                                .asText())
                        .isEqualTo("Lighting"));
        assertThat(List.of(tooLong.status(), blank.status())).containsExactly(400, 400);
        assertThat(tooLong.body().path("errors").get(0).path("field").asText()).isEqualTo("category");
    }

    @Test
    void demoProducts_haveCategories() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(admin.get("/api/products").body())
                        .anySatisfy(product -> {
                            assertThat(product.path("name").asText()).isEqualTo("Mechanical keyboard");
                            assertThat(product.path("category").asText()).isEqualTo("Peripherals");
                        }));
    }

    @Test
    void catalog_isTheCommittedOne_withProductRegisteredAtRevision2_forAnySignedInUser() {
        Answer catalog = admin.as("alice", "alice").get("/api/catalog");

        assertThat(catalog.status()).isEqualTo(200);
        assertThat(catalog.body()).isEqualTo(Api.readTree(committedCatalog()));
        assertThat(catalog.body()).anySatisfy(entry -> {
            assertThat(entry.path("type").asText()).isEqualTo("ProductRegisteredEvent");
            assertThat(entry.path("revision").asText()).isEqualTo("2");
            assertThat(entry.path("schema").path("properties").has("category")).isTrue();
        });
        assertThat(admin.as(null, null).get("/api/catalog").status()).isEqualTo(401);
        JsonNode openApi = admin.get("/v3/api-docs").body();
        assertThat(openApi.path("paths")
                        .path("/api/catalog")
                        .path("get")
                        .path("tags")
                        .get(0)
                        .asText())
                .isEqualTo("Event catalog");
        assertThat(openApi.path("components")
                        .path("schemas")
                        .path("RegisterProductRequest")
                        .path("properties")
                        .path("category")
                        .path("maxLength")
                        .asInt())
                .isEqualTo(60);
    }

    /** The fixture as revision 1 stored it, written straight into the event store, as an old database holds it. */
    private void storeRevision1ProductRegistered(String productId) {
        ObjectNode payload = (ObjectNode) Api.readTree(fixture());
        payload.put("productId", productId);
        String metadata = """
                {"username":"admin","traceId":"%s","correlationId":"%s"}""".formatted(UUID.randomUUID(), UUID.randomUUID());
        instance.jdbc()
                .update(
                        """
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, 0, 'Product', ?, ?, ?, '1', ?, ?)""",
                        productId,
                        UUID.randomUUID().toString(),
                        metadata.getBytes(StandardCharsets.UTF_8),
                        payload.toString().getBytes(StandardCharsets.UTF_8),
                        PRODUCT_REGISTERED,
                        DateTimeUtils.formatInstant(Instant.now()));
    }

    private static String fixture() {
        try (InputStream in =
                EventVersioningScenarios.class.getResourceAsStream("/events/ProductRegisteredEvent-rev1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String committedCatalog() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/event-catalog.json"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("docs/event-catalog.json above " + Path.of("").toAbsolutePath())
                .isNotNull();
        try {
            return Files.readString(dir.resolve("docs/event-catalog.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
