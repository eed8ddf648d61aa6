package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every endpoint (API, pages, streams, actuator, simulators) × {anonymous, customer A, customer B, admin, a consumer
 * with its bearer token, the metrics scraper}: the status each gets, written below as a table; and customer A sees
 * nothing of customer B on any list or feed A may read.
 */
class AuthorizationMatrixIT extends ApplicationScenarios {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationMatrixIT.class);

    /**
     * {A}, {B}: the customers' ids; {A-order}, {B-order}: an order of each (terminal); {A-two}: an accepted order of A's
     * of two units, one returned by A, one by the admin; {A-deposit}: a deposit of A's, unspent; {product}: a product.
     * Pages are asked like a browser does (Accept: text/html) and answer an anonymous reader with a redirect to the
     * sign-in page (302); /account and an admin's /orders redirect to the right page; page POSTs without a CSRF token are
     * refused (403) to everyone. API writes are sent as the API's clients send them (Content-Type: application/json,
     * also without a body); sent as another site's form could send them ({@code form}: a form body, {@code bare}: no
     * body and no content type) they are refused (403) to everyone. A customer naming another customer's data gets
     * 404, never 403. A consumer (granted OrderPlacedEvent) reads the feed and nothing else: elsewhere in the API it gets
     * 403, and its token opens no page (the pages answer it as an anonymous reader). The sign-in {@code metrics} (role
     * METRICS, Prometheus') scrapes {@code /actuator/prometheus}, reads what anyone reads, and gets 403 elsewhere.
     */
    private static final String MATRIX = """
            method  path                                               anonymous  A    B    admin  consumer  metrics  body
            GET     /api/me                                            401        200  200  200    403       403
            GET     /api/catalog                                       401        200  200  200    403       403
            GET     /api/products                                      401        200  200  200    403       403
            GET     /api/products/{product}                            401        200  200  200    403       403
            GET     /api/products/{product}?asOf={now}                 401        200  200  200    403       403
            POST    /api/products                                      401        403  403  201    403       403      {"name":"Matrix lamp","price":3.50,"stock":5}
            POST    /api/products/{product}/restock                    401        403  403  202    403       403      {"quantity":1}
            POST    /api/products/{product}/write-offs                 401        403  403  202    403       403      {"quantity":1,"reason":"matrix"}
            POST    /api/products/{product}/write-offs                 403        403  403  403    403       403      form
            GET     /api/customers                                     401        403  403  200    403       403
            POST    /api/customers                                     401        403  403  201    403       403      {"name":"Matrix Zed","initialDeposit":1}
            GET     /api/customers/{A}                                 401        200  404  200    403       403
            GET     /api/customers/{A}?asOf={now}                      401        200  404  200    403       403
            GET     /api/customers/{A}/transactions                    401        200  404  200    403       403
            POST    /api/customers/{A}/deposits                        401        202  404  202    403       403      {"amount":1}
            POST    /api/customers/{A}/withdrawals                     401        202  404  202    403       403      {"amount":1}
            POST    /api/customers/{A}/transactions/{A-deposit}/reversal 401        403  403  202    403     403      {"reason":"matrix"}
            POST    /api/customers/{A}/transactions/{A-deposit}/reversal 403        403  403  403    403     403      form
            GET     /api/orders                                        401        200  200  200    403       403
            GET     /api/orders?customerId={A}                         401        200  404  200    403       403
            POST    /api/orders                                        401        202  404  202    403       403      {"customerId":"{A}","lines":[{"productId":"{product}","quantity":1}]}
            GET     /api/orders/{A-order}                              401        200  404  200    403       403
            GET     /api/orders/{A-order}?asOf={now}                   401        200  404  200    403       403
            GET     /api/orders/{A-order}/updates                      401        200  404  200    403       403
            GET     /api/orders/{A-order}/trace                        401        200  404  200    403       403
            POST    /api/orders/{A-order}/cancel                       401        409  404  409    403       403
            POST    /api/orders/{A-order}/cancel                       403        403  403  403    403       403      bare
            POST    /api/orders/{A-order}/cancel                       403        403  403  403    403       403      form
            POST    /api/orders                                        403        403  403  403    403       403      form
            POST    /api/orders/{A-two}/returns                        401        202  404  202    403       403      {"lines":[{"productId":"{product}","quantity":1}],"reason":"matrix"}
            POST    /api/orders/{A-two}/returns                        403        403  403  403    403       403      form
            GET     /api/aggregates/{A-order}/events                   401        200  404  200    403       403
            GET     /api/aggregates/{A}/events                         401        200  404  200    403       403
            GET     /api/aggregates/{product}/events                   401        404  404  200    403       403
            GET     /api/aggregates/{A-order}/states                   401        200  404  200    403       403
            GET     /api/aggregates/{A}/states                         401        200  404  200    403       403
            GET     /api/aggregates/{product}/states                   401        404  404  200    403       403
            GET     /api/events                                        401        403  403  200    403       403
            GET     /api/admin/processors                              401        403  403  200    403       403
            POST    /api/admin/processors/unknown/replay               401        403  403  404    403       403
            DELETE  /api/admin/processors/unknown/replay               401        403  403  404    403       403
            POST    /api/admin/processors/unknown/replay               403        403  403  403    403       403      bare
            DELETE  /api/admin/processors/unknown/replay               403        403  403  403    403       403      bare
            POST    /api/admin/views/rebuild                           401        403  403  202    403       403      {"processors":["products-view"]}
            GET     /api/admin/dead-letters                            401        403  403  200    403       403
            GET     /api/admin/workflow                                401        403  403  200    403       403
            GET     /api/admin/rules                                   401        403  403  200    403       403
            POST    /api/admin/dead-letters/unknown/retry              401        403  403  404    403       403
            POST    /api/admin/dead-letters/unknown/retry              403        403  403  403    403       403      form
            GET     /api/reports/products                              401        403  403  200    403       403
            GET     /api/reports/days                                  401        403  403  200    403       403
            GET     /api/reports/tiers                                 401        403  403  200    403       403
            GET     /api/feed                                          401        403  403  403    200       403
            GET     /api/feed?types=OrderPlacedEvent&limit=5           401        403  403  403    200       403
            GET     /api/feed?types=OrderAcceptedEvent                 401        403  403  403    403       403
            GET     /api/feed/stream?after=nowhere                     401        403  403  403    400       403
            GET     /api/feed/stream                                   401        403  403  403    200       403
            GET     /api/feed/position                                 401        403  403  403    200       403
            PUT     /api/feed/position                                 401        403  403  403    400       403      {"position":"nowhere"}
            PUT     /api/feed/position                                 403        403  403  403    403       403      form
            GET     /api/feed/catalog                                  401        403  403  403    200       403
            GET     /api/consumers                                     401        403  403  200    403       403
            POST    /api/consumers                                     401        403  403  201    403       403      {"name":"Matrix reader","eventTypes":["OrderPlacedEvent"]}
            POST    /api/consumers                                     401        403  403  400    403       403      {"name":"Matrix nobody","eventTypes":["NoSuchEvent"]}
            POST    /api/consumers                                     403        403  403  403    403       403      form
            GET     /api/consumers/{other-consumer}                    401        403  403  200    403       403
            POST    /api/consumers/{other-consumer}/event-types        401        403  403  200    403       403      {"eventTypes":["OrderAcceptedEvent"]}
            POST    /api/consumers/{other-consumer}/token              401        403  403  200    403       403
            POST    /api/consumers/{other-consumer}/disable            401        403  403  200    403       403
            POST    /api/consumers/{other-consumer}/enable             401        403  403  200    403       403
            GET     /admin/consumers                                   302        403  403  200    302       403
            POST    /api/timelines                                     401        403  403  202    403       403      {"name":"Matrix","from":"2026-01-01T00:00:00Z","to":"2026-01-02T00:00:00Z"}
            POST    /api/timelines                                     403        403  403  403    403       403      form
            GET     /api/timelines                                     401        403  403  200    403       403
            GET     /api/timelines/unknown                             401        403  403  404    403       403
            DELETE  /api/timelines/unknown                             401        403  403  404    403       403
            DELETE  /api/timelines/unknown                             403        403  403  403    403       403      bare
            GET     /                                                  200        302  302  302    200       302
            GET     /login                                             200        302  302  302    200       302
            GET     /shop                                              302        200  200  200    302       403
            GET     /shop/live                                         302        200  200  200    302       403
            GET     /account                                           302        302  302  302    302       403
            GET     /accounts/{A}                                      302        200  404  200    302       403
            GET     /accounts/{A}?asOf={now}                           302        200  404  200    302       403
            GET     /accounts/{A}?version=1                            302        200  404  200    302       403
            GET     /accounts/{A}/ledger                               302        200  404  200    302       403
            GET     /orders                                            302        200  200  302    302       403
            GET     /orders/{A-order}                                  302        200  404  200    302       403
            GET     /orders/{A-order}?asOf={now}                       302        200  404  200    302       403
            GET     /orders/{A-order}?version=1                        302        200  404  200    302       403
            GET     /orders/{A-order}/history                          302        200  404  200    302       403
            GET     /orders/{A-order}/live                             302        200  404  200    302       403
            GET     /admin/orders                                      302        403  403  200    302       403
            GET     /admin/customers                                   302        403  403  200    302       403
            GET     /admin/customers/live                              302        403  403  200    302       403
            GET     /admin/products                                    302        403  403  200    302       403
            GET     /admin/products/live                               302        403  403  200    302       403
            GET     /admin/products/{product}                          302        403  403  200    302       403
            GET     /admin/products/{product}?asOf={now}               302        403  403  200    302       403
            GET     /admin/products/{product}?version=1                302        403  403  200    302       403
            GET     /admin/catalog                                     302        403  403  200    302       403
            GET     /admin/operations                                  302        403  403  200    302       403
            GET     /admin/operations/live                             302        403  403  200    302       403
            GET     /admin/operations/dead-letters                     302        403  403  200    302       403
            GET     /admin/operations/rebuilds                         302        403  403  200    302       403
            GET     /admin/reports                                     302        403  403  200    302       403
            GET     /admin/rules                                       302        403  403  200    302       403
            GET     /admin/timelines                                   302        403  403  200    302       403
            GET     /admin/timelines/list                              302        403  403  200    302       403
            GET     /admin/timelines/unknown                           302        403  403  404    302       403
            GET     /admin/timelines/unknown/comparison                302        403  403  404    302       403
            POST    /shop/orders                                       403        403  403  403    403       403      form
            POST    /accounts/{A}/deposits                             403        403  403  403    403       403      form
            POST    /accounts/{A}/withdrawals                          403        403  403  403    403       403      form
            POST    /orders/{A-order}/cancel                           403        403  403  403    403       403      form
            POST    /orders/{A-two}/returns                            403        403  403  403    403       403      form
            POST    /admin/products                                    403        403  403  403    403       403      form
            POST    /admin/products/{product}/restock                  403        403  403  403    403       403      form
            POST    /admin/products/{product}/write-offs               403        403  403  403    403       403      form
            POST    /admin/customers                                   403        403  403  403    403       403      form
            POST    /admin/customers/{A}/deposits                      403        403  403  403    403       403      form
            POST    /admin/customers/{A}/reversals                     403        403  403  403    403       403      form
            POST    /admin/operations/processors/unknown/replay        403        403  403  403    403       403      form
            POST    /admin/operations/dead-letters/unknown/retry       403        403  403  403    403       403      form
            POST    /admin/operations/processors/unknown/replay/cancel 403        403  403  403    403       403      form
            POST    /admin/timelines                                   403        403  403  403    403       403      form
            POST    /admin/timelines/unknown/delete                    403        403  403  403    403       403      form
            GET     /actuator/health                                   200        200  200  200    200       200
            GET     /actuator/info                                     302        403  403  200    302       403
            GET     /actuator/prometheus                               302        403  403  200    302       200
            GET     /actuator/env                                      302        403  403  404    302       403
            GET     /v3/api-docs                                       200        200  200  200    200       200
            GET     /sim/crm/customers/{A}/tier                        200        200  200  200    200       200
            GET     /sim/shipping/shipments                            302        403  403  200    302       403
            """;

    private static final List<String> WHO = List.of("anonymous", "A", "B", "admin", "consumer", "metrics");

    private Http http;
    private final Map<String, String> authorization = new LinkedHashMap<>();
    private final Map<String, String> ids = new LinkedHashMap<>();

    @Override
    Database database() {
        return Database.h2();
    }

    private static final String METRICS_PASSWORD = "metrics-of-the-matrix";

    /** This test's client stands for the proxy in front: its X-Forwarded-Proto is believed. */
    @Override
    List<String> arguments() {
        return List.of(
                "--sourced.http.trusted-proxies=127.0.0.1,::1",
                "--sourced.security.metrics-password=" + METRICS_PASSWORD);
    }

    @BeforeAll
    void customersAndOrders() {
        http = new Http(admin.baseUrl);
        String a = "matrix-a-" + UUID.randomUUID().toString().substring(0, 8);
        String b = "matrix-b-" + UUID.randomUUID().toString().substring(0, 8);
        authorization.put("anonymous", null);
        authorization.put("A", Http.basic(a, "secret-a"));
        authorization.put("B", Http.basic(b, "secret-b"));
        authorization.put("admin", Http.basic("admin", "admin"));
        authorization.put("metrics", Http.basic("metrics", METRICS_PASSWORD));
        ids.put("{A}", open(a, "secret-a"));
        ids.put("{B}", open(b, "secret-b"));
        ids.put("{product}", admin.registerProduct("Matrix mug " + UUID.randomUUID(), "2.00", 100));
        ids.put("{A-order}", order(ids.get("{A}")));
        ids.put("{B-order}", order(ids.get("{B}")));
        ids.put("{A-two}", order(ids.get("{A}"), 2));
        ids.put("{A-deposit}", admin.depositOf(ids.get("{A}"), "1.25"));
        ids.put("{now}", Instant.now().toString());
        authorization.put("consumer", "Bearer " + consumerToken("Matrix consumer"));
        ids.put(
                "{other-consumer}",
                admin.post("/api/consumers", Map.of("name", "Matrix other", "eventTypes", List.of("OrderPlacedEvent")))
                        .id("consumerId"));
    }

    private String consumerToken(String name) {
        Api.Answer answer =
                admin.post("/api/consumers", Map.of("name", name, "eventTypes", List.of("OrderPlacedEvent")));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.body().path("token").asText();
    }

    private String open(String username, String password) {
        Api.Answer answer = admin.post(
                "/api/customers",
                Map.of("name", username, "initialDeposit", 100, "username", username, "password", password));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.id("customerId");
    }

    private String order(String customerId) {
        return order(customerId, 1);
    }

    private String order(String customerId, int units) {
        String orderId = admin.placeOrder(customerId, Map.of(ids.get("{product}"), units))
                .id("orderId");
        admin.awaitTerminal(orderId);
        return orderId;
    }

    record Cell(String method, String path, String who, int expected, int actual) {}

    @Test
    void everyEndpoint_answersEachCallerAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (String line : MATRIX.lines().skip(1).toList()) {
            String[] column = line.trim().split("\\s+", 9);
            String method = column[0];
            String path = fill(column[1]);
            String body = column.length > 8 ? column[8] : null;
            for (int i = 0; i < WHO.size(); i++) {
                int expected = Integer.parseInt(column[2 + i]);
                Http.Reply reply = call(method, path, WHO.get(i), body);
                cells++;
                if (reply.status() != expected) {
                    wrong.add(method + " " + column[1] + " as " + WHO.get(i) + ": expected " + expected + ", got "
                            + reply.status() + " "
                            + reply.body().lines().findFirst().orElse(""));
                }
                if (path.startsWith("/api/") && reply.status() >= 400) {
                    assertThat(reply.contentType())
                            .as(method + " " + path + " as " + WHO.get(i))
                            .startsWith("application/problem+json");
                }
            }
        }
        log.info(
                "Authorization matrix: {} endpoints × {} callers = {} cells",
                MATRIX.lines().count() - 1,
                WHO.size(),
                cells);
        assertThat(wrong).as("cells that differ from the table").isEmpty();
    }

    @Test
    void customerA_seesNothingOfCustomerB_onAnyListOrFeed() {
        List<String> readable = List.of(
                "/api/me",
                "/api/catalog",
                "/api/products",
                "/api/products/{product}",
                "/api/products/{product}?asOf={now}",
                "/api/orders",
                "/api/orders?status=ACCEPTED",
                "/api/orders?status=REJECTED",
                "/api/orders?size=100",
                "/api/customers/{A}",
                "/api/customers/{A}?asOf={now}",
                "/api/customers/{A}/transactions",
                "/api/orders/{A-order}",
                "/api/orders/{A-order}?asOf={now}",
                "/api/orders/{A-order}/updates",
                "/api/orders/{A-order}/trace",
                "/api/aggregates/{A-order}/events",
                "/api/aggregates/{A}/events",
                "/api/aggregates/{A-order}/states",
                "/api/aggregates/{A}/states",
                "/shop",
                "/shop/live",
                "/accounts/{A}",
                "/accounts/{A}?asOf={now}",
                "/accounts/{A}/ledger",
                "/orders",
                "/orders/{A-order}",
                "/orders/{A-order}?asOf={now}",
                "/orders/{A-order}?version=1",
                "/orders/{A-order}/history",
                "/orders/{A-order}/live");
        String bUsername = new String(
                        java.util.Base64.getDecoder()
                                .decode(authorization.get("B").substring(6)),
                        StandardCharsets.UTF_8)
                .split(":")[0];
        for (String path : readable) {
            Http.Reply reply = call("GET", fill(path), "A", null);
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.body())
                    .as(path)
                    .doesNotContain(ids.get("{B}"))
                    .doesNotContain(ids.get("{B-order}"))
                    .doesNotContain(bUsername);
        }
        log.info("A sees nothing of B: {} lists and feeds read", readable.size());
    }

    @Test
    void pages_carryTheSecurityHeaders_andASafeSessionCookie() {
        Http.Reply login = http.send("GET", "/login", null, null, null, Map.of());
        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");

        Http.Reply behindHttps = // from a configured proxy
                http.send("GET", "/login", null, null, null, Map.of("X-Forwarded-Proto", "https"));
        assertThat(behindHttps.headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.startsWith("JSESSIONID="))
                        .findFirst()
                        .orElseThrow())
                .contains("Secure")
                .contains("HttpOnly");

        Http.Reply api = http.send("GET", "/api/me", authorization.get("A"), null, null, Map.of());
        assertThat(api.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(api.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void fiveFailedSignIns_lockTheUsernameOut_evenWithTheRightPassword() {
        String username = "locked-" + UUID.randomUUID().toString().substring(0, 8);
        open(username, "right-one");
        for (int i = 0; i < 5; i++) {
            assertThat(meAs(username, "wrong")).isEqualTo(401);
        }

        Http.Reply refused = http.send("GET", "/api/me", Http.basic(username, "right-one"), null, null, Map.of());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 300L);
        Http.Reply page = http.send(
                "POST",
                "/login",
                null,
                "application/x-www-form-urlencoded",
                ("username=" + username + "&password=right-one").getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(page.status()).isIn(302, 403);
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            meAs(unknown, "wrong");
        }
        assertThat(meAs(unknown, "x"))
                .as("an unknown username locks out like a known one")
                .isEqualTo(429);
        assertThat(http.send("GET", "/api/me", authorization.get("A"), null, null, Map.of())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void successfulSignIn_resetsTheFailures() {
        String username = "reset-" + UUID.randomUUID().toString().substring(0, 8);
        open(username, "right-one");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(meAs(username, "wrong")).isEqualTo(401);
            }
            assertThat(meAs(username, "right-one")).isEqualTo(200);
        }
    }

    @Test
    void failuresOfAnotherCase_doNotLockTheUsernameOut() {
        String username = "case-" + UUID.randomUUID().toString().substring(0, 8);
        open(username, "right-one");
        for (int i = 0; i < 5; i++) {
            meAs(username.toUpperCase(Locale.ROOT), "wrong");
        }

        assertThat(meAs(username, "right-one")).isEqualTo(200);
    }

    @Test
    void passwordLongerThanTheHashTakes_isRefusedNamingTheLimit_andLeavesNoTrace() {
        String username = "long-" + UUID.randomUUID().toString().substring(0, 8);
        for (String password : List.of("p".repeat(73), "é".repeat(37))) {
            Api.Answer refused =
                    admin.post("/api/customers", Map.of("name", username, "username", username, "password", password));

            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("password");
            assertThat(refused.body().path("detail").asText()).contains("72 bytes");
        }

        String customerId = open(username, "p".repeat(72));
        assertThat(meAs(username, "p".repeat(72))).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.get("/api/customers").raw().contains(customerId));
        assertThat(admin.get("/api/customers").body().findValuesAsText("name"))
                .as("accounts opened under the name")
                .containsOnlyOnce(username);
    }

    /** The status of {@code GET /api/me} signed in with HTTP Basic. */
    private int meAs(String username, String password) {
        return http.send("GET", "/api/me", Http.basic(username, password), null, null, Map.of())
                .status();
    }

    private Http.Reply call(String method, String path, String who, String body) {
        Map<String, String> accept = path.startsWith("/api/") ? Map.of() : Map.of("Accept", "text/html,*/*;q=0.8");
        if ("bare".equals(body)) {
            return http.send(method, path, authorization.get(who), null, null, accept);
        }
        if ("form".equals(body)) {
            return http.send(
                    method,
                    path,
                    authorization.get(who),
                    "application/x-www-form-urlencoded",
                    "quantity=1&amount=1".getBytes(StandardCharsets.UTF_8),
                    accept);
        }
        boolean json = body != null || (path.startsWith("/api/") && !"GET".equals(method));
        return http.send(
                method,
                path,
                authorization.get(who),
                json ? "application/json" : null,
                body == null ? null : fill(body).getBytes(StandardCharsets.UTF_8),
                accept);
    }

    private String fill(String text) {
        String filled = text;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            filled = filled.replace(id.getKey(), id.getValue());
        }
        return filled;
    }
}
