package io.sourced.app;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

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

    @Test
    void api_holdsOnlyRecordsAndEnums() {
        classes().that().resideInAPackage("io.sourced.api..").and().areTopLevelClasses()
                .should(new ArchCondition<>("be a record or an enum") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        boolean ok = item.reflect().isRecord() || item.isEnum();
                        events.add(new SimpleConditionEvent(item, ok, item.getName() + " is neither a record nor an enum"));
                    }
                })
                .check(SOURCED);
    }

    @Test
    void events_areRevisioned_andNamedInThePastTense() {
        classes().that().resideInAPackage("io.sourced.api..").and().haveSimpleNameEndingWith("Event")
                .should().beAnnotatedWith(Revision.class)
                .check(SOURCED);
    }

    @Test
    void commands_nameTheirTargetAggregate() {
        classes().that().resideInAPackage("io.sourced.api..").and().haveSimpleNameEndingWith("Command")
                .should(new ArchCondition<>("have a @TargetAggregateIdentifier") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        boolean ok = item.getAllFields().stream().anyMatch(f -> f.isAnnotatedWith(TargetAggregateIdentifier.class));
                        events.add(new SimpleConditionEvent(item, ok, item.getName() + " has no @TargetAggregateIdentifier"));
                    }
                })
                .check(SOURCED);
    }
}
