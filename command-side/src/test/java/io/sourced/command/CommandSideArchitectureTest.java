package io.sourced.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

class CommandSideArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sourced.command");

    static final ArchRule COMMAND_SIDE_KNOWS_ONLY_THE_API = noClasses()
            .that()
            .resideInAPackage("io.sourced.command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.sourced.saga..",
                    "io.sourced.query..",
                    "io.sourced.ui..",
                    "io.sourced.simulators..",
                    "io.sourced.app..");

    static final ArchRule AGGREGATES_KNOW_NOTHING_OF_THE_WEB_OR_THE_DATABASE = noClasses()
            .that()
            .areAnnotatedWith(Aggregate.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.web..",
                    "org.springframework.http..",
                    "org.springframework.jdbc..",
                    "jakarta.servlet..");

    /** An aggregate changes by applying its own events only. */
    static final ArchRule AGGREGATES_HAVE_NO_SETTERS = noMethods()
            .that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(Aggregate.class)
            .should()
            .haveNameMatching("set[A-Z].*");

    @Test
    void commandSide_knowsOnlyTheApi() {
        COMMAND_SIDE_KNOWS_ONLY_THE_API.check(classes);
    }

    @Test
    void aggregates_knowNothingOfTheWebOrTheDatabase() {
        AGGREGATES_KNOW_NOTHING_OF_THE_WEB_OR_THE_DATABASE.check(classes);
    }

    @Test
    void aggregates_haveNoSetters() {
        AGGREGATES_HAVE_NO_SETTERS.check(classes);
    }

    @Test
    void contexts_doNotReachIntoEachOther() {
        noClasses()
                .that()
                .resideInAPackage("io.sourced.command.ordering..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.sourced.command.inventory..", "io.sourced.command.finance..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("io.sourced.command.inventory..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.sourced.command.ordering..", "io.sourced.command.finance..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("io.sourced.command.finance..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.sourced.command.ordering..", "io.sourced.command.inventory..")
                .check(classes);
    }
}
