package io.sourced.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

class CommandSideArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sourced.command");

    @Test
    void commandSide_dependsOnNoOtherModule() {
        noClasses().should().dependOnClassesThat()
                   .resideInAnyPackage("io.sourced.saga..", "io.sourced.query..", "io.sourced.app..", "io.sourced.ui..")
                   .check(classes);
    }

    @Test
    void aggregates_knowNothingOfTheWebOrTheDatabase() {
        noClasses().that().areAnnotatedWith(Aggregate.class)
                   .should().dependOnClassesThat()
                   .resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                                       "org.springframework.jdbc..", "jakarta.servlet..")
                   .check(classes);
    }

    @Test
    void contexts_doNotReachIntoEachOther() {
        noClasses().that().resideInAPackage("io.sourced.command.ordering..")
                   .should().dependOnClassesThat()
                   .resideInAnyPackage("io.sourced.command.inventory..", "io.sourced.command.finance..")
                   .check(classes);
        noClasses().that().resideInAPackage("io.sourced.command.inventory..")
                   .should().dependOnClassesThat()
                   .resideInAnyPackage("io.sourced.command.ordering..", "io.sourced.command.finance..")
                   .check(classes);
        noClasses().that().resideInAPackage("io.sourced.command.finance..")
                   .should().dependOnClassesThat()
                   .resideInAnyPackage("io.sourced.command.ordering..", "io.sourced.command.inventory..")
                   .check(classes);
    }
}
