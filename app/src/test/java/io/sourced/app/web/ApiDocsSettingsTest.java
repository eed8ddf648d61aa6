package io.sourced.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document and the Swagger UI, as application.yml and its profiles switch them. */
class ApiDocsSettingsTest {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {}

    @Test
    void apiDocs_withTheDemo_areServed() {
        assertThat(served()).isTrue();
    }

    @Test
    void apiDocs_withoutTheDemo_areNot() {
        assertThat(served("--sourced.demo.enabled=false")).isFalse();
        assertThat(served("--spring.profiles.active=postgres")).isFalse();
    }

    @Test
    void apiDocs_withoutTheDemo_areServedWhenAskedFor() {
        assertThat(served("--spring.profiles.active=postgres", "--sourced.api-docs.enabled=true"))
                .isTrue();
    }

    /** Whether springdoc serves /v3/api-docs and /swagger-ui.html; always both or neither. */
    private static boolean served(String... arguments) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Nothing.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(arguments)) {
            // springdoc's own default for both is on
            boolean document = context.getEnvironment().getProperty("springdoc.api-docs.enabled", Boolean.class, true);
            boolean page = context.getEnvironment().getProperty("springdoc.swagger-ui.enabled", Boolean.class, true);
            assertThat(page).isEqualTo(document);
            return document;
        }
    }
}
