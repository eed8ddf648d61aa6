package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class H2GatewayIT extends GatewayScenarios {

    @Override
    Database database() {
        return Database.h2();
    }

    @Test
    void start_withoutTheCrmsAddress_fails() {
        assertThatThrownBy(() -> Instance.start(Database.h2(), List.of("--sourced.crm.base-url="))
                        .close())
                .hasStackTraceContaining("sourced.crm.base-url is not set");
    }
}
