package io.sourced.timelines.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.rules.BusinessRules;
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
