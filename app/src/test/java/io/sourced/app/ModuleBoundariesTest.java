package io.sourced.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import org.axonframework.commandhandling.RoutingKey;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/**
 * The layout of DESIGN.md: api ← command-side, saga, query-side, ui, simulators ← app; batching (knowing only Axon)
 * ← saga, query-side; command-side, saga ← timelines ← app. Each module's entry point
 * decides the role it runs in, so no module knows another but api, and none knows the application.
 */
class ModuleBoundariesTest {

    private static final JavaClasses SOURCED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sourced");

    private static final String API = "io.sourced.api..";
    private static final String COMMAND = "io.sourced.command..";
    private static final String SAGA = "io.sourced.saga..";
    private static final String QUERY = "io.sourced.query..";
    private static final String UI = "io.sourced.ui..";
    private static final String SIMULATORS = "io.sourced.simulators..";
    private static final String TIMELINES = "io.sourced.timelines..";
    private static final String APP = "io.sourced.app..";

    /** The past participles without "-ed" that events' names end with. */
    private static final Set<String> IRREGULAR_PAST_PARTICIPLES = Set.of("Withdrawn", "Written");

    /** The particles of phrasal verbs ("written off"): the participle is the word before. */
    private static final Set<String> PARTICLES = Set.of("Off");

    /** The verbs a command's name starts with: what a sender asks the domain to do. */
    private static final Set<String> IMPERATIVE_VERBS = Set.of(
            "Accept",
            "Authorize",
            "Cancel",
            "Complete",
            "Confirm",
            "Delete",
            "Deposit",
            "Disable",
            "Enable",
            "Fail",
            "Grant",
            "Open",
            "Place",
            "Refund",
            "Register",
            "Reject",
            "Release",
            "Replay",
            "Request",
            "Reserve",
            "Restock",
            "Retry",
            "Return",
            "Reverse",
            "Rotate",
            "Run",
            "Withdraw",
            "Write");

    static final ArchRule API_DEPENDS_ON_ITSELF_AND_MESSAGE_ANNOTATIONS_ONLY = classes()
            .that()
            .resideInAPackage(API)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    API,
                    "java..",
                    "org.axonframework..",
                    "com.fasterxml.jackson.annotation..",
                    "io.swagger.v3.oas.annotations..");

    static final ArchRule NOTHING_BUT_THE_APPLICATION_KNOWS_THE_APPLICATION = noClasses()
            .that()
            .resideOutsideOfPackage(APP)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(APP);

    static final ArchRule COMMAND_SIDE_KNOWS_NO_OTHER_SIDE = noClasses()
            .that()
            .resideInAPackage(COMMAND)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(SAGA, QUERY, UI, SIMULATORS, TIMELINES);

    static final ArchRule SAGA_KNOWS_NO_OTHER_SIDE = noClasses()
            .that()
            .resideInAPackage(SAGA)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(COMMAND, QUERY, UI, SIMULATORS, TIMELINES);

    static final ArchRule QUERY_SIDE_KNOWS_NO_OTHER_SIDE = noClasses()
            .that()
            .resideInAPackage(QUERY)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(COMMAND, SAGA, UI, SIMULATORS, TIMELINES);

    /**
     * A timeline runs the command side's aggregates and the saga in a sandbox of its own: it may know them, never the
     * query side's views, the pages or the simulators, and no side knows it.
     */
    static final ArchRule TIMELINES_KNOW_THE_COMMAND_SIDE_AND_THE_SAGA_ONLY = noClasses()
            .that()
            .resideInAPackage(TIMELINES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(QUERY, UI, SIMULATORS);

    /**
     * The pages reach the rest over Axon's gateways only, so that a process of the ui role alone serves them: no
     * aggregate, view, event store or database of theirs.
     */
    static final ArchRule PAGES_KNOW_THE_API_AND_THE_BUSES_ONLY = classes()
            .that()
            .resideInAPackage(UI)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    UI,
                    API,
                    "org.axonframework.commandhandling..",
                    "org.axonframework.queryhandling..",
                    "org.axonframework.messaging..",
                    "org.springframework..",
                    "jakarta..",
                    "reactor..",
                    "com.fasterxml.jackson..",
                    "java..",
                    "org.slf4j..",
                    "io.swagger.v3.oas.annotations..");

    /** The simulators stand in for other companies' systems: they share no type with Sourced. */
    static final ArchRule SIMULATORS_SHARE_NO_TYPE_WITH_SOURCED = noClasses()
            .that()
            .resideInAPackage(SIMULATORS)
            .should()
            .dependOnClassesThat(resideInAPackage("io.sourced..").and(not(resideInAPackage(SIMULATORS))));

    /** A scope (OrderScoped, ...) is an interface of accessors only, which records implement: it holds no data. */
    static final ArchRule API_HOLDS_ONLY_RECORDS_ENUMS_AND_SCOPES = classes()
            .that()
            .resideInAPackage(API)
            .and()
            .areTopLevelClasses()
            .should(new ArchCondition<>("be a record, an enum or an interface of accessors") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    boolean ok = item.reflect().isRecord() || item.isEnum() || isScope(item.reflect());
                    events.add(new SimpleConditionEvent(
                            item, ok, item.getName() + " is neither a record, an enum nor an interface of accessors"));
                }
            });

    private static boolean isScope(Class<?> type) {
        return type.isInterface()
                && Arrays.stream(type.getDeclaredMethods())
                        .allMatch(method ->
                                Modifier.isAbstract(method.getModifiers()) && method.getParameterCount() == 0);
    }

    static final ArchRule EVENTS_ARE_REVISIONED = classes()
            .that()
            .resideInAPackage(API)
            .and()
            .haveSimpleNameEndingWith("Event")
            .should()
            .beAnnotatedWith(Revision.class);

    static final ArchRule EVENTS_ARE_NAMED_IN_THE_PAST_TENSE = classes()
            .that()
            .resideInAPackage(API)
            .and()
            .haveSimpleNameEndingWith("Event")
            .should(new ArchCondition<>("be named for what happened, in the past tense") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    String name = item.getSimpleName()
                            .substring(0, item.getSimpleName().length() - "Event".length());
                    String happened = lastWord(name);
                    if (PARTICLES.contains(happened)) {
                        happened = lastWord(name.substring(0, name.length() - happened.length()));
                    }
                    boolean ok = happened.endsWith("ed") || IRREGULAR_PAST_PARTICIPLES.contains(happened);
                    events.add(new SimpleConditionEvent(
                            item, ok, item.getName() + " ends with \"" + happened + "\", not a past participle"));
                }
            });

    /** A revision is what an event's stored form carries: whatever has one is an event, and says so. */
    static final ArchRule REVISIONED_MESSAGES_ARE_EVENTS = classes()
            .that()
            .resideInAPackage(API)
            .and()
            .areAnnotatedWith(Revision.class)
            .should()
            .haveSimpleNameEndingWith("Event");

    /** A command to no aggregate (a processor's replay) names its routing key instead. */
    static final ArchRule COMMANDS_NAME_THEIR_TARGET_AGGREGATE_OR_ROUTING_KEY = classes()
            .that()
            .resideInAPackage(API)
            .and()
            .haveSimpleNameEndingWith("Command")
            .should(new ArchCondition<>("have a @TargetAggregateIdentifier or a @RoutingKey") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    boolean ok = routed(item);
                    events.add(new SimpleConditionEvent(
                            item, ok, item.getName() + " has neither a @TargetAggregateIdentifier nor a @RoutingKey"));
                }
            });

    /** Whatever is routed to a handler like a command is named one. */
    static final ArchRule ROUTED_MESSAGES_ARE_COMMANDS = classes()
            .that()
            .resideInAPackage(API)
            .and(routedLikeACommand())
            .should()
            .haveSimpleNameEndingWith("Command");

    static final ArchRule COMMANDS_START_WITH_AN_IMPERATIVE_VERB = classes()
            .that()
            .resideInAPackage(API)
            .and()
            .haveSimpleNameEndingWith("Command")
            .should(new ArchCondition<>("start with an imperative verb") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    String verb = firstWord(item.getSimpleName());
                    boolean ok = IMPERATIVE_VERBS.contains(verb);
                    events.add(new SimpleConditionEvent(
                            item,
                            ok,
                            item.getName() + " starts with \"" + verb + "\", not one of the imperative verbs "
                                    + IMPERATIVE_VERBS));
                }
            });

    private static DescribedPredicate<JavaClass> routedLikeACommand() {
        return DescribedPredicate.describe(
                "have a @TargetAggregateIdentifier or a @RoutingKey", ModuleBoundariesTest::routed);
    }

    private static boolean routed(JavaClass item) {
        return item.getAllFields().stream()
                .anyMatch(field -> field.isAnnotatedWith(TargetAggregateIdentifier.class)
                        || field.isAnnotatedWith(RoutingKey.class));
    }

    private static String firstWord(String camelCase) {
        for (int i = 1; i < camelCase.length(); i++) {
            if (Character.isUpperCase(camelCase.charAt(i))) {
                return camelCase.substring(0, i);
            }
        }
        return camelCase;
    }

    private static String lastWord(String camelCase) {
        for (int i = camelCase.length() - 1; i > 0; i--) {
            if (Character.isUpperCase(camelCase.charAt(i))) {
                return camelCase.substring(i);
            }
        }
        return camelCase;
    }

    @Test
    void api_dependsOnItselfAndMessageAnnotationsOnly() {
        API_DEPENDS_ON_ITSELF_AND_MESSAGE_ANNOTATIONS_ONLY.check(SOURCED);
    }

    @Test
    void nothingButTheApplication_knowsTheApplication() {
        NOTHING_BUT_THE_APPLICATION_KNOWS_THE_APPLICATION.check(SOURCED);
    }

    @Test
    void commandSide_sagaAndQuerySide_knowNoOtherSide_norThePagesNorTheSimulators() {
        COMMAND_SIDE_KNOWS_NO_OTHER_SIDE.check(SOURCED);
        SAGA_KNOWS_NO_OTHER_SIDE.check(SOURCED);
        QUERY_SIDE_KNOWS_NO_OTHER_SIDE.check(SOURCED);
    }

    @Test
    void timelines_knowTheCommandSideAndTheSagaOnly() {
        TIMELINES_KNOW_THE_COMMAND_SIDE_AND_THE_SAGA_ONLY.check(SOURCED);
    }

    @Test
    void pages_knowTheApiAndTheBusesOnly() {
        PAGES_KNOW_THE_API_AND_THE_BUSES_ONLY.check(SOURCED);
    }

    @Test
    void simulators_shareNoTypeWithSourced() {
        SIMULATORS_SHARE_NO_TYPE_WITH_SOURCED.check(SOURCED);
    }

    @Test
    void api_holdsOnlyRecordsEnumsAndScopes() {
        API_HOLDS_ONLY_RECORDS_ENUMS_AND_SCOPES.check(SOURCED);
    }

    @Test
    void events_areRevisioned_andNamedInThePastTense() {
        EVENTS_ARE_REVISIONED.check(SOURCED);
        EVENTS_ARE_NAMED_IN_THE_PAST_TENSE.check(SOURCED);
        REVISIONED_MESSAGES_ARE_EVENTS.check(SOURCED);
    }

    @Test
    void commands_nameTheirTargetAggregateOrRoutingKey() {
        COMMANDS_NAME_THEIR_TARGET_AGGREGATE_OR_ROUTING_KEY.check(SOURCED);
    }

    @Test
    void commands_areNamedCommand_andStartWithAnImperativeVerb() {
        ROUTED_MESSAGES_ARE_COMMANDS.check(SOURCED);
        COMMANDS_START_WITH_AN_IMPERATIVE_VERB.check(SOURCED);
    }
}
