package io.sourced.app;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.sourced.app.roles.RoleFilter;
import io.sourced.app.roles.Roles;
import org.springframework.util.ClassUtils;
import org.axonframework.commandhandling.RoutingKey;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.util.Arrays;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency direction of DESIGN.md: api ← command-side, saga, query-side ← ui. */
class ModuleBoundariesTest {

    private static final JavaClasses SOURCED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sourced");

    @Test
    void api_dependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.sourced.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.sourced.command..", "io.sourced.saga..", "io.sourced.query..", "io.sourced.app..",
                        "org.springframework..")
                .check(SOURCED);
    }

    @Test
    void commandSide_knowsNeitherSagaNorQuerySideNorApplication() {
        noClasses().that().resideInAPackage("io.sourced.command..")
                .should().dependOnClassesThat().resideInAnyPackage("io.sourced.saga..", "io.sourced.query..", "io.sourced.app..")
                .check(SOURCED);
    }

    @Test
    void saga_knowsNeitherCommandSideNorQuerySideNorApplication() {
        noClasses().that().resideInAPackage("io.sourced.saga..")
                .should().dependOnClassesThat().resideInAnyPackage("io.sourced.command..", "io.sourced.query..", "io.sourced.app..")
                .check(SOURCED);
    }

    @Test
    void querySide_neverImportsCommandSideInternals() {
        noClasses().that().resideInAPackage("io.sourced.query..")
                .should().dependOnClassesThat().resideInAnyPackage("io.sourced.command..", "io.sourced.saga..", "io.sourced.app..")
                .check(SOURCED);
    }

    /**
     * The pages reach the query side over the query and command buses only, so that a process of the ui role alone
     * serves them; what the role filter shares with the ui role (it follows orders over the query bus) is the
     * exception.
     */
    @Test
    void pages_dependOnNoQuerySideClass() {
        noClasses().that().resideInAPackage("io.sourced.ui..")
                .should().dependOnClassesThat(resideInAPackage("io.sourced.query..")
                        .and(not(belongToAnyOf(sharedWithTheUi()))))
                .check(SOURCED);
    }

    private static Class<?>[] sharedWithTheUi() {
        return RoleFilter.SHARED.entrySet().stream()
                .filter(shared -> shared.getValue().contains(Roles.UI))
                .map(shared -> ClassUtils.resolveClassName(shared.getKey(), null))
                .toArray(Class<?>[]::new);
    }

    /** A scope (OrderScoped, ...) is an interface of accessors only, which records implement: it holds no data. */
    @Test
    void api_holdsOnlyRecordsEnumsAndScopes() {
        classes().that().resideInAPackage("io.sourced.api..").and().areTopLevelClasses()
                .should(new ArchCondition<>("be a record, an enum or an interface of accessors") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        boolean ok = item.reflect().isRecord() || item.isEnum() || isScope(item.reflect());
                        events.add(new SimpleConditionEvent(item, ok,
                                item.getName() + " is neither a record, an enum nor an interface of accessors"));
                    }
                })
                .check(SOURCED);
    }

    private static boolean isScope(Class<?> type) {
        return type.isInterface() && Arrays.stream(type.getDeclaredMethods())
                .allMatch(method -> Modifier.isAbstract(method.getModifiers()) && method.getParameterCount() == 0);
    }

    @Test
    void events_areRevisioned_andNamedInThePastTense() {
        classes().that().resideInAPackage("io.sourced.api..").and().haveSimpleNameEndingWith("Event")
                .should().beAnnotatedWith(Revision.class)
                .check(SOURCED);
    }

    /** A command to no aggregate (a processor's replay) names its routing key instead. */
    @Test
    void commands_nameTheirTargetAggregateOrRoutingKey() {
        classes().that().resideInAPackage("io.sourced.api..").and().haveSimpleNameEndingWith("Command")
                .should(new ArchCondition<>("have a @TargetAggregateIdentifier or a @RoutingKey") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        boolean ok = item.getAllFields().stream().anyMatch(f -> f.isAnnotatedWith(TargetAggregateIdentifier.class)
                                || f.isAnnotatedWith(RoutingKey.class));
                        events.add(new SimpleConditionEvent(item, ok, item.getName()
                                + " has neither a @TargetAggregateIdentifier nor a @RoutingKey"));
                    }
                })
                .check(SOURCED);
    }
}
