package io.sourced.app.roles;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleFilterTest {

    private static RoleFilter filterFor(String roles) {
        RoleFilter filter = new RoleFilter();
        filter.setEnvironment(new MockEnvironment().withProperty(Roles.PROPERTY, roles));
        return filter;
    }

    @Test
    void allRoles_excludeNothing() {
        RoleFilter filter = new RoleFilter();
        filter.setEnvironment(new MockEnvironment());

        assertThat(filter.excludes("io.sourced.command.ordering.Order")).isFalse();
        assertThat(filter.excludes("io.sourced.saga.ordering.OrderFulfilmentSaga")).isFalse();
        assertThat(filter.excludes("io.sourced.query.views.ordering.OrderViewProjector")).isFalse();
        assertThat(filter.excludes("io.sourced.ui.ShopPage")).isFalse();
        assertThat(filter.excludes("io.sourced.app.demo.DemoData")).isFalse();
    }

    @Test
    void queryAndUi_excludeTheCommandSideTheSagaAndTheDemoSeed() {
        RoleFilter filter = filterFor("query, ui");

        assertThat(filter.excludes("io.sourced.command.ordering.OrderCommandController")).isTrue();
        assertThat(filter.excludes("io.sourced.command.lookup.KnownIdsRecorder$Inner")).isTrue();
        assertThat(filter.excludes("io.sourced.saga.ordering.OrderFulfilmentSaga")).isTrue();
        assertThat(filter.excludes("io.sourced.app.demo.DemoData")).isTrue();
        assertThat(filter.excludes("io.sourced.query.views.ordering.OrderQueryController")).isFalse();
        assertThat(filter.excludes("io.sourced.ui.ShopPage")).isFalse();
    }

    @Test
    void uiAlone_keepsThePagesAndWhatTheyShareWithTheQuerySide_only() {
        RoleFilter filter = filterFor("ui");

        assertThat(filter.excludes("io.sourced.ui.OperationsPage")).isFalse();
        assertThat(filter.excludes("io.sourced.query.views.ordering.OrderUpdates")).isFalse();
        assertThat(filter.excludes("io.sourced.query.views.ordering.OrderQueryController")).isTrue();
        assertThat(filter.excludes("io.sourced.query.operations.ProcessorQueries")).isTrue();
        assertThat(filter.excludes("io.sourced.command.ordering.OrderCommandController")).isTrue();
        assertThat(filter.excludes("io.sourced.app.demo.DemoData")).isTrue();
    }

    @Test
    void sharedClass_isLeftOut_whereNoneOfItsRolesRuns() {
        assertThat(filterFor("query").excludes("io.sourced.query.views.ordering.OrderUpdates")).isFalse();
        assertThat(filterFor("command,saga").excludes("io.sourced.query.views.ordering.OrderUpdates")).isTrue();
    }

    @Test
    void command_excludesTheViewsAndThePages_butNotWhatEveryRoleShares() {
        RoleFilter filter = filterFor("command");

        assertThat(filter.excludes("io.sourced.query.log.eventlog.EventFeed")).isTrue();
        assertThat(filter.excludes("io.sourced.ui.LandingPages")).isTrue();
        assertThat(filter.excludes("io.sourced.saga.ordering.OrderWorkflowConfiguration")).isTrue();
        assertThat(filter.excludes("io.sourced.app.security.SecurityConfig")).isFalse();
        assertThat(filter.excludes("io.sourced.app.security.SignInStore")).isFalse();
        assertThat(filter.excludes("io.sourced.app.web.ProblemAdvice")).isFalse();
        assertThat(filter.excludes("io.sourced.app.axon.AxonConfig")).isFalse();
        assertThat(filter.excludes("io.sourced.app.roles.RoleConfiguration")).isFalse();
        assertThat(filter.excludes("io.sourced.commandline.Tool")).isFalse();
    }

    @Test
    void roles_unknownName_isRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> filterFor("command,billing"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sourced.roles=command,billing names unknown role(s) [billing]; "
                        + "known roles are command, saga, query, ui");
    }

    @Test
    void roles_none_isRefused() {
        assertThatThrownBy(() -> Roles.parse(" , ")).hasMessageContaining("sourced.roles is empty");
    }

    @Test
    void roles_uiAlone_isAccepted() {
        assertThat(Roles.parse("ui").toString()).isEqualTo("ui");
    }

    @Test
    void roles_readInTheirOwnOrder() {
        assertThat(Roles.parse("ui,query").toString()).isEqualTo("query,ui");
        assertThat(Roles.parse("saga").has(Roles.SAGA)).isTrue();
        assertThat(Roles.parse("saga").has(Roles.COMMAND)).isFalse();
    }
}
