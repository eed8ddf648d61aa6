package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sourced.app.it.Http.Reply;
import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.FilterChainProxy;

/**
 * The simulators' calls take the shortest way through Spring Security, open to anyone as they always were, but their
 * list of shipments is the admin's; requests are observed on the API, not on the simulators nor the actuator; Spring
 * Security observes nothing; JSON, the requests' and Axon's, goes through Blackbird. No proxy is configured here:
 * forwarded headers change nothing.
 */
class H2HttpPathIT extends ApplicationScenarios {

    @Override
    Database database() {
        return Database.h2();
    }

    @Override
    Class<?>[] extraSources() {
        return new Class<?>[] {ClientAddress.class};
    }

    @Test
    void theSimulatorsAreOpenToAnyCallerWithoutSessionOrCsrf() {
        Http http = new Http(admin.baseUrl);
        Reply tier = http.send("GET", "/sim/crm/customers/" + UUID.randomUUID() + "/tier", null, null, null, Map.of());
        assertThat(tier.status()).isEqualTo(200);
        assertThat(tier.body()).matches("\\{\"tier\":\"(GOLD|SILVER|BRONZE)\"}");
        assertThat(http.send("GET", "/sim/crm/customers/not-an-id/tier", null, null, null, Map.of())
                        .status())
                .isEqualTo(404);

        String key = "http-path-" + UUID.randomUUID();
        byte[] shipment = ("{\"orderId\":\"" + key + "\",\"lines\":[{\"productId\":\"p\",\"quantity\":1}]}")
                .getBytes(StandardCharsets.UTF_8);
        Reply first = http.send(
                "POST", "/sim/shipping/shipments", null, "application/json", shipment, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.headers().firstValue("Set-Cookie")).isEmpty();
        Reply again = http.send(
                "POST",
                "/sim/shipping/shipments",
                Http.basic("nobody", "wrong"),
                "application/json",
                shipment,
                Map.of("Idempotency-Key", key));
        assertThat(again.status()).isEqualTo(200);
        assertThat(http.send("GET", "/sim/shipping/shipments", Http.basic("admin", "admin"), null, null, Map.of())
                        .body())
                .contains(key);
    }

    @Test
    void theShipmentsList_isTheAdminsOnly() {
        Http http = new Http(admin.baseUrl);
        String key = "listed-" + UUID.randomUUID();
        http.send(
                "POST",
                "/sim/shipping/shipments",
                null,
                "application/json",
                ("{\"orderId\":\"" + key + "\",\"lines\":[{\"productId\":\"p\",\"quantity\":1}]}")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of("Idempotency-Key", key));

        Reply anonymous = http.send("GET", "/sim/shipping/shipments", null, null, null, Map.of());
        Reply customer =
                http.send("GET", "/sim/shipping/shipments", Http.basic("alice", "alice"), null, null, Map.of());

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain(key);
        assertThat(customer.status()).isEqualTo(403);
        assertThat(customer.body()).doesNotContain(key);
    }

    @Test
    void forwardedHeaders_fromAnAddressNoProxyIsConfiguredFor_changeNothing() {
        Http http = new Http(admin.baseUrl);
        Map<String, String> forged = Map.of("X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https");

        Reply seen = http.send("GET", ClientAddress.PATH, Http.basic("admin", "admin"), null, null, forged);
        Reply login = http.send("GET", "/login", null, null, null, forged);

        assertThat(seen.body()).isEqualTo("127.0.0.1 http");
        assertThat(login.headers().allValues("Set-Cookie").stream()
                        .filter(cookie -> cookie.startsWith("JSESSIONID="))
                        .findFirst()
                        .orElseThrow())
                .doesNotContain("Secure");
    }

    @Test
    void theSimulatorsChainHoldsOnlyTheRuleThatOpensThem() {
        assertThat(filtersOf("GET", "/sim/crm/customers/x/tier"))
                .containsExactly("WebAsyncManagerIntegrationFilter", "AuthorizationFilter");
        assertThat(filtersOf("POST", "/sim/shipping/shipments"))
                .containsExactly("WebAsyncManagerIntegrationFilter", "AuthorizationFilter");
        assertThat(filtersOf("GET", "/sim/shipping/shipments"))
                .as("the list of shipments: signed in, as the pages")
                .contains("BasicAuthenticationFilter", "AuthorizationFilter");
        assertThat(filtersOf("GET", "/api/orders"))
                .contains("ScriptedApiWrites", "BasicAuthenticationFilter", "AuthorizationFilter");
    }

    /** The filters of the first chain that takes such a request. */
    private List<String> filtersOf(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        return instance.bean(FilterChainProxy.class).getFilterChains().stream()
                .filter(chain -> chain.matches(request))
                .findFirst()
                .orElseThrow()
                .getFilters()
                .stream()
                .map(Filter::getClass)
                .map(Class::getSimpleName)
                .toList();
    }

    @Test
    void requestsAreObservedOnTheApiOnly() {
        Http http = new Http(admin.baseUrl);
        http.send("GET", "/sim/crm/customers/" + UUID.randomUUID() + "/tier", null, null, null, Map.of());
        assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(admin.get("/api/products").status()).isEqualTo(200);

        MeterRegistry meters = instance.bean(MeterRegistry.class);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(uris(meters)).contains("/api/products"));
        assertThat(uris(meters)).noneMatch(uri -> uri.startsWith("/sim") || uri.startsWith("/actuator"));
        assertThat(meters.getMeters())
                .extracting(Meter::getId)
                .noneMatch(id -> id.getName().startsWith("spring.security"));
    }

    @Test
    void theRequestsJsonAndAxonsJsonGoThroughBlackbird() {
        String blackbird = BlackbirdModule.class.getName();
        assertThat(instance.bean(ObjectMapper.class).getRegisteredModuleIds()).contains(blackbird);
        assertThat(((JacksonSerializer) instance.bean(Serializer.class))
                        .getObjectMapper()
                        .getRegisteredModuleIds())
                .contains(blackbird);
    }

    private static List<String> uris(MeterRegistry meters) {
        return meters.find("http.server.requests").meters().stream()
                .map(meter -> meter.getId().getTag("uri"))
                .toList();
    }
}
