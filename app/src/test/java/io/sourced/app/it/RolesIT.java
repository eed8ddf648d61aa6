package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.sourced.api.catalog.EventSchema;
import io.sourced.api.catalog.FindEventCatalogQuery;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.operations.ReplayProcessorCommand;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.PlaceOrderCommand;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Under every role subset the application starts and exposes only its part (H2, one process). */
class RolesIT {

    private static final List<String> VIEWS = List.of("views", "reports", "data-lake");

    @ParameterizedTest(name = "sourced.roles={0}")
    @ValueSource(strings = {"command", "saga", "query", "ui", "command,saga", "query,ui", "command,saga,query"})
    void roles_startAndExposeOnlyTheirPart(String roles) {
        Set<String> runs = Set.copyOf(Arrays.asList(roles.split(",")));
        try (Instance instance = Instance.start(
                Database.h2(),
                List.of(
                        "--sourced.roles=" + roles,
                        "--sourced.demo.enabled=false",
                        "--sourced.security.admin-password=admin"))) {
            Api admin = instance.admin;
            Api anonymous = admin.as(null, null);
            Set<String> processors = instance.bean(EventProcessingConfiguration.class)
                    .eventProcessors()
                    .keySet();

            // command: the aggregates handle commands, the command endpoints answer
            Api.Answer register = admin.post("/api/products", Map.of("name", "Lamp", "price", 12.5, "stock", 3));
            if (runs.contains("command")) {
                assertThat(register.status()).isEqualTo(201);
                assertThat(processors).contains("command-lookups");
            } else {
                assertThat(register.status()).isIn(404, 405);
                assertThat(processors).doesNotContain("command-lookups");
                PlaceOrderCommand order = new PlaceOrderCommand(
                        OrderId.random(), CustomerId.random(), List.of(new OrderLine(ProductId.random(), 1)));
                assertThatThrownBy(() -> instance.bean(CommandGateway.class).sendAndWait(order))
                        .isInstanceOf(NoHandlerForCommandException.class);
            }

            // saga: the workflow's processor and the deadline scheduler
            assertThat(processors.contains("OrderFulfilmentSagaProcessor")).isEqualTo(runs.contains("saga"));
            assertThat(instance.context().getBeanNamesForType(Scheduler.class).length > 0)
                    .as("db-scheduler runs")
                    .isEqualTo(runs.contains("saga"));

            // query: the views' processors, the query endpoints and the what-if timelines
            if (runs.contains("query")) {
                assertThat(processors).containsAll(VIEWS).doesNotContain("orders-view", "event-log");
                assertThat(admin.get("/api/products").status()).isEqualTo(200);
                assertThat(admin.get("/api/orders").status()).isEqualTo(200);
                assertThat(admin.get("/api/timelines").status()).isEqualTo(200);
            } else {
                assertThat(processors).doesNotContainAnyElementsOf(VIEWS);
                assertThat(admin.get("/api/products").status()).isIn(404, 405);
                assertThat(admin.get("/api/orders").status()).isIn(404, 405);
                assertThat(admin.get("/api/timelines").status()).isIn(404, 405);
            }

            // ui: the pages
            if (runs.contains("ui")) {
                assertThat(anonymous.get("/").status()).isEqualTo(200);
                assertThat(anonymous.get("/login").status()).isEqualTo(200);
            }
            if (roles.equals("ui")) {
                assertThat(processors).as("no projector, saga or lookup").isEmpty();
                assertPagesAskTheBuses(instance);
            }
            if (!runs.contains("ui")) {
                assertThat(anonymous.get("/").status()).isEqualTo(404);
                assertThat(admin.get("/shop").status()).isEqualTo(404);
                assertThat(admin.send("GET", "/shop", null, Map.of("Accept", "text/html"))
                                .status())
                        .isEqualTo(404);
                assertThat(admin.get("/admin/orders").status()).isEqualTo(404);
            }

            // everywhere: sign-ins, health and who am I
            assertThat(admin.get("/api/me").status()).isEqualTo(200);
            assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
            assertThat(admin.get("/actuator/info").body().path("roles").toString())
                    .isEqualTo(Api.JSON.valueToTree(roles.split(",")).toString());
        }
    }

    /**
     * A process of the ui role alone answers nothing of what its pages read: they ask the query bus, which only
     * Axon Server connects to the query side. Here a handler subscribed to its bus stands in for the query side.
     */
    private static void assertPagesAskTheBuses(Instance ui) {
        Api admin = ui.admin;
        Map<String, String> html = Map.of("Accept", "text/html");
        assertThat(admin.send("GET", "/admin/catalog", null, html).status())
                .as("no query side to answer")
                .isEqualTo(503);
        assertThatThrownBy(() -> ui.bean(CommandGateway.class).sendAndWait(new ReplayProcessorCommand("orders-view")))
                .as("no processor here to replay")
                .isInstanceOf(NoHandlerForCommandException.class);

        new AnnotationQueryHandlerAdapter<>(new StandInCatalog()).subscribe(ui.bean(QueryBus.class));

        Api.Answer catalog = admin.send("GET", "/admin/catalog", null, html);
        assertThat(catalog.status()).isEqualTo(200);
        assertThat(catalog.raw()).contains("StandInEvent").contains("&quot;title&quot;");
    }

    /** The query side's catalog as a ui-only process would reach it over Axon Server. */
    static class StandInCatalog {

        @QueryHandler
        List<EventSchema> handle(FindEventCatalogQuery query) {
            return List.of(new EventSchema("StandInEvent", "1", "{\"title\":\"StandInEvent\"}"));
        }
    }

    @Test
    void roles_unknownName_stopsTheStartWithItsReason() {
        assertThatThrownBy(() -> Instance.start(Database.h2(), List.of("--sourced.roles=command,reports"))
                        .close())
                .hasStackTraceContaining("sourced.roles=command,reports names unknown role(s) [reports]")
                .hasStackTraceContaining("known roles are command, saga, query, ui");
    }
}
