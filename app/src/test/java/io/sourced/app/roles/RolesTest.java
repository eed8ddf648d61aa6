package io.sourced.app.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class RolesTest {

    private static MockEnvironment settledFor(String roles) {
        MockEnvironment environment = new MockEnvironment().withProperty(Roles.PROPERTY, roles);
        new RoleSettings().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void eachRole_isSwitchedOnOrOff_byTheRolesOfThisProcess() {
        MockEnvironment environment = settledFor("query,ui");

        assertThat(environment.getProperty("sourced.role.command")).isEqualTo("false");
        assertThat(environment.getProperty("sourced.role.saga")).isEqualTo("false");
        assertThat(environment.getProperty("sourced.role.query")).isEqualTo("true");
        assertThat(environment.getProperty("sourced.role.ui")).isEqualTo("true");
    }

    @Test
    void everyRole_isOn_byDefault() {
        MockEnvironment environment = new MockEnvironment();
        new RoleSettings().postProcessEnvironment(environment, new SpringApplication());

        Roles.ALL.forEach(role -> assertThat(environment.getProperty(Roles.switchOf(role)))
                .as(role)
                .isEqualTo("true"));
    }

    @Test
    void withoutTheSaga_noDeadlineScheduler_andWithoutTheUi_noPages() {
        MockEnvironment environment = settledFor("command");

        assertThat(environment.getProperty("db-scheduler.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("spring.thymeleaf.check-template-location"))
                .isEqualTo("false");
        assertThat(settledFor("saga,ui").getProperty("db-scheduler.enabled")).isNull();
    }

    @Test
    void roles_unknownName_isRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> settledFor("command,billing"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sourced.roles=command,billing names unknown role(s) [billing]; "
                        + "known roles are command, saga, query, ui");
    }

    @Test
    void roles_none_isRefused() {
        assertThatThrownBy(() -> settledFor(" , ")).hasMessageContaining("sourced.roles is empty");
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
