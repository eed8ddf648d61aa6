package io.sourced.app.roles;

import io.sourced.app.replicas.ReplicaSettings;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Settings a role implies, over anything configured. Checks the roles before anything starts.
 * <p>
 * Each role's switch, {@code sourced.role.<role>=true|false} for every known role: the entry point of each module
 * ({@code CommandSide}, {@code SagaSide}, {@code QuerySide}, {@code WebPages}) is conditional on its switch with
 * Spring Boot's own {@code @ConditionalOnBooleanProperty}, as are the pages' wiring and the demo seed here. A
 * condition annotation of our own would need a module every other one depends on, and {@code api} holds records
 * only; a property needs no shared type. The switches are derived here, over anything configured, so that
 * {@code sourced.roles} remains the one setting.
 * <p>
 * The deadline scheduler (db-scheduler) runs only beside the saga: a process without the saga that picked a
 * due deadline from the shared table would find no saga to deliver it to, and the deadline would be lost.
 * <p>
 * Without the web pages no template is found: Spring Boot would otherwise serve {@code templates/index.html} as
 * the welcome page at {@code /} by itself, controllers or not.
 */
public class RoleSettings implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "sourcedRoles";
    private static final String REPLICA_NAME = "sourced.replica.name";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Roles roles = Roles.of(environment);
        Map<String, Object> implied = new HashMap<>();
        Roles.ALL.forEach(role -> implied.put(Roles.switchOf(role), Boolean.toString(roles.has(role))));
        if (!roles.has(Roles.SAGA)) {
            implied.put("db-scheduler.enabled", "false");
        }
        if (!roles.has(Roles.UI)) {
            implied.put("spring.thymeleaf.prefix", "classpath:/no-pages-without-the-ui-role/");
            implied.put("spring.thymeleaf.check-template-location", "false");
        }
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, implied));
        // one name for this replica, whoever asks: its token claims, the replica table and the operations page
        if (!StringUtils.hasText(environment.getProperty(REPLICA_NAME))) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            SOURCE + "ReplicaName", Map.of(REPLICA_NAME, ReplicaSettings.defaultName())));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the configuration files are read
    }
}
