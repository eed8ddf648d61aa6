package io.sourced.query;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.sourced.query.integration.ReplaySafeGateway;
import io.sourced.query.integration.Tier;
import org.junit.jupiter.api.Test;

/**
 * The query side grouped by job: the views and reports ({@code views}) are kept from events alone; the event log given
 * away ({@code log}) serves outsiders and needs no view; the integrations ({@code integration}) call outside systems
 * for whoever needs them. Shared helpers live in the root package, open to all.
 */
class ReadSideLayoutTest {

    private static final String VIEWS = "io.sourced.query.views..";
    private static final String LOG = "io.sourced.query.log..";
    private static final String OPERATIONS = "io.sourced.query.operations..";
    private static final String INTEGRATION = "io.sourced.query.integration..";

    /** The tier report asks the CRM for a customer's tier: the one view that calls an outside system. */
    private static final DescribedPredicate<JavaClass> TIER_REPORT = resideInAPackage("io.sourced.query.views.reports")
            .and(belongTo(simpleNameStartingWith("TierRevenue")))
            .as("belong to the tier report");

    private static final DescribedPredicate<JavaClass> CRM_GATEWAY =
            belongToAnyOf(ReplaySafeGateway.class, Tier.class).as("the CRM gateway or its tiers");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sourced.query");

    @Test
    void views_dependOnNeitherTheLogNorOperations() {
        noClasses()
                .that()
                .resideInAPackage(VIEWS)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(LOG, OPERATIONS)
                .check(classes);
    }

    @Test
    void views_callNoOutsideSystem_butTheTierReportTheCrm() {
        noClasses()
                .that()
                .resideInAPackage(VIEWS)
                .and(DescribedPredicate.not(TIER_REPORT))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(INTEGRATION)
                .check(classes);
        noClasses()
                .that(TIER_REPORT)
                .should()
                .dependOnClassesThat(resideInAPackage(INTEGRATION).and(DescribedPredicate.not(CRM_GATEWAY)))
                .check(classes);
    }

    @Test
    void theLog_dependsOnNoView() {
        noClasses()
                .that()
                .resideInAPackage(LOG)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(VIEWS)
                .check(classes);
    }

    @Test
    void integrations_dependOnNeitherViewsNorTheLog() {
        noClasses()
                .that()
                .resideInAPackage(INTEGRATION)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(VIEWS, LOG)
                .check(classes);
    }

    /** A consumer's feed is the log's feed filtered: read through the event feed, its gap rule included, never beside it. */
    @Test
    void consumersFeeds_readTheLogOnlyThroughTheEventFeed() {
        noClasses()
                .that()
                .resideInAPackage("io.sourced.query.log.consumers..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.axonframework.eventsourcing..", "org.axonframework.eventhandling..")
                .check(classes);
    }
}
