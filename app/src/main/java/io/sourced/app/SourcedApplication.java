package io.sourced.app;

import io.sourced.command.CommandSide;
import io.sourced.query.QuerySide;
import io.sourced.saga.SagaSide;
import io.sourced.simulators.Simulators;
import io.sourced.timelines.TimelinesSide;
import io.sourced.ui.WebPages;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Assembles the command side, the saga, the query side (and its what-if timelines) and the web pages into one application. Each module's
 * entry point switches itself on for its role ({@code sourced.roles}, all by default; see
 * {@link io.sourced.app.roles.RoleSettings}); what this package holds serves every role.
 */
@SpringBootApplication
@Import({CommandSide.class, SagaSide.class, QuerySide.class, TimelinesSide.class, WebPages.class, Simulators.class})
public class SourcedApplication {

    public static void main(String[] args) {
        SpringApplication.run(SourcedApplication.class, args);
    }
}
