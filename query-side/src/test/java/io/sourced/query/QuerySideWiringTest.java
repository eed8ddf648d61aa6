package io.sourced.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.bind.annotation.RestController;

/** The module's beans as its entry point finds them for the query role (a plain Spring context, no Boot). */
class QuerySideWiringTest {

    @Test
    void componentScan_findsOneProjectorPerProcessingGroup_theControllers_andSequencesOrdersPerOrder() {
        EventProcessingConfigurer eventProcessing = mock(EventProcessingConfigurer.class);
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance()); // "8s"
            JdbcTemplate views = ViewDatabase.migrated();
            context.registerBean(JdbcTemplate.class, () -> views);
            context.registerBean(DataSource.class, () -> ViewDatabase.pooled(views));
            context.registerBean(QueryUpdateEmitter.class, () -> mock(QueryUpdateEmitter.class));
            context.registerBean(QueryGateway.class, () -> mock(QueryGateway.class));
            context.registerBean(CommandGateway.class, () -> mock(CommandGateway.class));
            context.registerBean(EventStore.class, () -> mock(EventStore.class));
            context.registerBean(EventProcessingConfiguration.class, () -> mock(EventProcessingConfiguration.class));
            context.registerBean(TokenStore.class, () -> mock(TokenStore.class));
            context.registerBean(Serializer.class, () -> mock(Serializer.class));
            context.registerBean(PlatformTransactionManager.class, () -> mock(PlatformTransactionManager.class));
            context.registerBean(ObjectMapper.class, () -> new ObjectMapper());
            context.registerBean(EventProcessingConfigurer.class, () -> eventProcessing);
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("roles", Map.of("sourced.role.query", "true")));
            context.register(QuerySide.class);
            context.refresh();

            Map<String, String> groups = new TreeMap<>();
            new TreeMap<>(context.getBeansWithAnnotation(ProcessingGroup.class))
                    .forEach((name, bean) -> groups.merge(
                            bean.getClass().getAnnotation(ProcessingGroup.class).value(),
                            name,
                            (first, second) -> first + ", " + second));
            assertThat(groups)
                    .containsExactly(
                            Map.entry("customers-view", "customerViewProjector"),
                            Map.entry("data-lake", "dataLakeProjector"),
                            Map.entry("event-log", "eventLogProjector"),
                            Map.entry("order-history", "orderHistoryProjector"),
                            Map.entry("orders-view", "orderViewProjector"),
                            Map.entry("products-view", "productViewProjector"),
                            Map.entry("reports", "salesReportProjector, tierRevenueProjector"),
                            Map.entry("shipping", "orderShipper"));
            assertThat(context.getBeansWithAnnotation(RestController.class).keySet())
                    .containsExactlyInAnyOrder(
                            "catalogController",
                            "consumersController",
                            "feedController",
                            "customerQueryController",
                            "eventLogController",
                            "orderQueryController",
                            "productQueryController",
                            "operationsController",
                            "tierRevenueController",
                            "salesReportController",
                            "statesController");
            assertThat(context.getBeansOfType(AggregateStates.class).values())
                    .extracting(AggregateStates::aggregateType)
                    .containsExactlyInAnyOrder("Order", "Product", "CustomerAccount");
            assertThat(Arrays.asList(context.getBeanNamesForType(SequencingPolicy.class)))
                    .containsExactly("ordersViewSequencingPolicy");
            verify(eventProcessing).registerSequencingPolicy(eq("orders-view"), any());
            verify(eventProcessing).registerSequencingPolicy(eq("order-history"), any());
            verify(eventProcessing).registerListenerInvocationErrorHandler(eq("event-log"), any());
            verify(eventProcessing).registerListenerInvocationErrorHandler(eq("reports"), any());
            verify(eventProcessing).registerListenerInvocationErrorHandler(eq("shipping"), any());
            verify(eventProcessing).registerListenerInvocationErrorHandler(eq("data-lake"), any());
            verify(eventProcessing).registerEventProcessor(eq("data-lake"), any());
            verify(eventProcessing).registerSequencingPolicy(eq("reports"), any());
            verify(eventProcessing).registerSequencingPolicy(eq("event-log"), any());
            for (String view :
                    List.of("orders-view", "order-history", "products-view", "customers-view", "event-log")) {
                verify(eventProcessing).assignProcessingGroup(view, ViewsProcessor.NAME);
            }
            verify(eventProcessing, never()).assignProcessingGroup(eq("reports"), any());
            verify(eventProcessing, never()).assignProcessingGroup(eq("data-lake"), any());
        }
    }
}
