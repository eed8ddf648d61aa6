package io.sourced.timelines.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.rules.BusinessRules;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SagaResourcesTest {

    private final BusinessRules rules = BusinessRules.NONE;
    private final List<Class<?>> askedFor = new ArrayList<>();
    private final SagaResources resources = new SagaResources(type -> {
        askedFor.add(type);
        return Map.<Class<?>, Object>of(BusinessRules.class, rules, StringBuilder.class, new StringBuilder("log"))
                .get(type);
    });

    @Test
    void fieldsAndSetters_markedForInjection_getTheirComponents_findOnceAClass() {
        Workflow first = new Workflow();
        Workflow second = new Workflow();

        resources.injectResources(first);
        resources.injectResources(second);

        assertThat(second.rules).isSameAs(rules);
        assertThat(second.log).hasToString("log");
        assertThat(second.unmarked).isNull();
        assertThat(second.missing).isNull();
        assertThat(first.rules).isSameAs(rules);
        assertThat(askedFor).containsExactlyInAnyOrder(BusinessRules.class, StringBuilder.class, Runnable.class);
    }

    @Test
    void inheritedInjectionPoints_areGivenToo() {
        Step step = new Step();

        resources.injectResources(step);

        assertThat(step.rules).isSameAs(rules);
    }

    @Test
    void injector_isLetGo_thoughItsResourcesLeadBackToIt() {
        WeakReference<SagaResources> injector = injectorWhoseResourceLeadsBackToIt();

        for (int attempt = 0; attempt < 100 && injector.get() != null; attempt++) {
            System.gc();
        }

        assertThat(injector.get()).isNull();
    }

    /** As a sandbox's: its deadline manager leads to its configuration, which holds the injector. */
    private static WeakReference<SagaResources> injectorWhoseResourceLeadsBackToIt() {
        Configuration configuration = new Configuration();
        SagaResources injector = new SagaResources(type -> type == Configuration.class ? configuration : null);
        configuration.injector = injector;
        injector.injectResources(new Configured());
        return new WeakReference<>(injector);
    }

    static final class Configuration {
        SagaResources injector;
    }

    static class Configured {
        @Autowired
        transient Configuration configuration;
    }

    static class Workflow {
        @Autowired
        transient BusinessRules rules;

        /** No component of its type: left as it is. */
        @Autowired
        transient Runnable missing;

        transient BusinessRules unmarked;
        transient StringBuilder log;

        @Autowired
        void setLog(StringBuilder log) {
            this.log = log;
        }
    }

    static class Step extends Workflow {}
}
