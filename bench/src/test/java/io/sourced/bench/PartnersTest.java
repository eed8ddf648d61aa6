package io.sourced.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Partners partners;

    @BeforeAll
    void serve() throws IOException {
        partners = Partners.served();
    }

    @AfterAll
    void stop() {
        partners.close();
    }

    @Test
    void theApplicationIsToldWhereTheyAre() {
        assertThat(partners.appArguments())
                .containsExactly(
                        "--sourced.simulators.enabled=false",
                        "--sourced.crm.base-url=" + partners.base() + "/crm",
                        "--sourced.shipping.base-url=" + partners.base() + "/shipping");
        assertThat(Partners.inTheApplication().appArguments())
                .containsExactly(
                        "--sourced.simulators.enabled=true",
                        "--sourced.crm.base-url=http://localhost:${local.server.port}/sim/crm",
                        "--sourced.shipping.base-url=http://localhost:${local.server.port}/sim/shipping");
    }

    @Test
    void theCrmAnswersTheTierOfTheCustomerInTheCurrentWindow() throws Exception {
        String customer = UUID.randomUUID().toString();
        HttpResponse<String> answer = get("/crm/customers/" + customer + "/tier");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        String tier = JSON.readTree(answer.body()).get("tier").asText();
        // the window may have turned between the answer and this line
        assertThat(tier)
                .isIn(
                        Partners.tierAt(customer, Instant.now()).name(),
                        Partners.tierAt(customer, Instant.now().minusSeconds(5)).name());
        assertThat(get("/crm/customers/not-an-id/tier").statusCode()).isEqualTo(404);
        assertThat(get("/crm/customers/" + customer).statusCode()).isEqualTo(404);
    }

    @Test
    void theTierIsTheSimulatorsHashOfTheCustomerAndTheTwoMinuteWindow() {
        String customer = "6f1c1c53-46a4-4d8f-9b0e-0c1d2f3a4b5c";
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        // ("<id>/" + epochSecond / 120).hashCode() modulo 3 over GOLD, SILVER, BRONZE, as CrmSimulator computes it
        int expected = Math.floorMod((customer + "/" + at.getEpochSecond() / 120).hashCode(), 3);
        assertThat(Partners.tierAt(customer, at)).isEqualTo(Partners.Tier.values()[expected]);
        assertThat(Partners.tierAt(customer, at.plusSeconds(119))).isEqualTo(Partners.tierAt(customer, at));
    }

    @Test
    void shipmentsAreIdempotentByTheirKey() throws Exception {
        String key = UUID.randomUUID().toString();
        String shipment = "{\"orderId\":\"" + key + "\",\"lines\":[{\"productId\":\"p-1\",\"quantity\":2}]}";
        HttpResponse<String> first = post(shipment, key);
        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode created = JSON.readTree(first.body());
        assertThat(created.get("idempotencyKey").asText()).isEqualTo(key);
        assertThat(created.get("orderId").asText()).isEqualTo(key);
        assertThat(created.at("/lines/0/quantity").asInt()).isEqualTo(2);

        HttpResponse<String> again =
                post("{\"orderId\":\"other\",\"lines\":[{\"productId\":\"p\",\"quantity\":1}]}", key);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("shipmentId")).isEqualTo(created.get("shipmentId"));

        HttpResponse<String> listed = get("/shipping/shipments");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(created.get("shipmentId").asText());
    }

    @Test
    void aMalformedShipmentOrOneWithoutKeyIsRefused() throws Exception {
        String good = "{\"orderId\":\"o\",\"lines\":[{\"productId\":\"p\",\"quantity\":1}]}";
        assertThat(post(good, null).statusCode()).isEqualTo(400);
        for (String bad : new String[] {
            "{\"orderId\":\"o\",\"lines\":[]}",
            "{\"orderId\":\" \",\"lines\":[{\"productId\":\"p\",\"quantity\":1}]}",
            "{\"orderId\":\"o\",\"lines\":[{\"productId\":\"p\",\"quantity\":0}]}",
            "{\"orderId\":\"o\",\"lines\":[{\"productId\":\"p\"}]}",
            "{\"orderId\":\"o\",\"lines\":[null]}",
            "{\"orderId\":\"o\",\"lines\":[{\"productId\":\"p\",\"quantity\":1}],\"extra\":1}",
            "not json"
        }) {
            assertThat(post(bad, UUID.randomUUID().toString()).statusCode())
                    .as(bad)
                    .isEqualTo(400);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(partners.base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(partners.base() + "/shipping/shipments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
