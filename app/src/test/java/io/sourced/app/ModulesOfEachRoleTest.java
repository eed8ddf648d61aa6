package io.sourced.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.app.roles.RoleSettings;
import io.sourced.command.CommandSide;
import io.sourced.query.QuerySide;
import io.sourced.query.views.ordering.OrderUpdates;
import io.sourced.saga.SagaSide;
import io.sourced.simulators.Simulators;
import io.sourced.timelines.TimelinesSide;
import io.sourced.ui.LiveOrders;
import io.sourced.ui.WebPages;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Which modules a process runs for its {@code sourced.roles}: the modules the application imports, each switched on
 * by its own entry point, and the pages' wiring. Beans are defined, not created (lazily initialised), so that no
 * database or Axon is needed to see which are there.
 */
class ModulesOfEachRoleTest {

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withInitializer(context -> {
                new RoleSettings().postProcessEnvironment(context.getEnvironment(), new SpringApplication());
                context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor());
            })
            .withUserConfiguration(importedModules())
            .withUserConfiguration(PageWiring.class);

    private static Class<?>[] importedModules() {
        return AnnotatedElementUtils.getMergedAnnotation(SourcedApplication.class, Import.class)
                .value();
    }

    @Test
    void everyRole_byDefault_runsEveryModule_butNotTheSimulators() {
        application.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(modules(context))
                    .containsExactlyInAnyOrder(
                            CommandSide.class, SagaSide.class, QuerySide.class, TimelinesSide.class, WebPages.class);
            assertThat(followsOrdersForTheApi(context)).isTrue();
            assertThat(followsOrdersForThePages(context)).isTrue();
        });
    }

    @Test
    void commandAndSaga_runTheAggregatesAndTheWorkflow_only() {
        application.withPropertyValues("sourced.roles=command,saga").run(context -> {
            assertThat(modules(context)).containsExactlyInAnyOrder(CommandSide.class, SagaSide.class);
            assertThat(followsOrdersForTheApi(context)).isFalse();
            assertThat(followsOrdersForThePages(context)).isFalse();
        });
    }

    @Test
    void queryAndUi_runTheViewsAndThePages() {
        application.withPropertyValues("sourced.roles=query, ui").run(context -> {
            assertThat(modules(context))
                    .containsExactlyInAnyOrder(QuerySide.class, TimelinesSide.class, WebPages.class);
            assertThat(followsOrdersForTheApi(context)).isTrue();
            assertThat(followsOrdersForThePages(context)).isTrue();
        });
    }

    @Test
    void uiAlone_followsOrdersForItsPages_withoutTheQuerySide() {
        application.withPropertyValues("sourced.roles=ui").run(context -> {
            assertThat(modules(context)).containsExactly(WebPages.class);
            assertThat(followsOrdersForTheApi(context)).isFalse();
            assertThat(followsOrdersForThePages(context)).isTrue();
        });
    }

    @Test
    void queryAlone_runsTheViewsAndTheTimelines_andServesNoPages() {
        application.withPropertyValues("sourced.roles=query").run(context -> {
            assertThat(modules(context)).containsExactlyInAnyOrder(QuerySide.class, TimelinesSide.class);
            assertThat(followsOrdersForThePages(context)).isFalse();
        });
    }

    @Test
    void simulators_runWhenEnabled_whateverTheRoles() {
        application
                .withPropertyValues("sourced.roles=saga", "sourced.simulators.enabled=true")
                .run(context ->
                        assertThat(modules(context)).containsExactlyInAnyOrder(SagaSide.class, Simulators.class));
    }

    @Test
    void aRoleSwitchSetByHand_yieldsToTheRoles() {
        application
                .withPropertyValues("sourced.roles=query", "sourced.role.command=true")
                .run(context ->
                        assertThat(modules(context)).containsExactlyInAnyOrder(QuerySide.class, TimelinesSide.class));
    }

    private static Set<Class<?>> modules(ApplicationContext context) {
        return Arrays.stream(importedModules())
                .filter(module -> context.getBeanNamesForType(module, true, false).length > 0)
                .collect(Collectors.toSet());
    }

    private static boolean followsOrdersForTheApi(ApplicationContext context) {
        return context.getBeanNamesForType(OrderUpdates.class, true, false).length > 0;
    }

    private static boolean followsOrdersForThePages(ApplicationContext context) {
        return context.getBeanNamesForType(LiveOrders.class, true, false).length > 0;
    }
}
