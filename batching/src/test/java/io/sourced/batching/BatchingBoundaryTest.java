package io.sourced.batching;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The batching helper is shared by the saga and the query side, which must not know each other: it knows neither,
 * nor any other module of Sourced, and of Axon only its messaging (units of work and messages).
 */
class BatchingBoundaryTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sourced.batching");

    @Test
    void batching_dependsOnItselfTheJdkAndAxonMessagingOnly() {
        classes()
                .that()
                .resideInAPackage("io.sourced.batching..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.sourced.batching..", "java..", "org.axonframework.messaging..")
                .check(classes);
    }
}
