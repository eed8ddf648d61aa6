package io.sourced.app.roles;

import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

import java.util.Map;
import java.util.Set;

/**
 * Leaves out of the component scan what belongs to a role this process does not run. The modules know nothing
 * of roles: a role is the packages it owns. What several roles need (security, sign-ins, errors, Axon's
 * configuration) is owned by none and always stays; a class of a role's package that another role needs too is
 * shared with it by name ({@link #SHARED}) and stays where either runs.
 */
public class RoleFilter implements TypeFilter, EnvironmentAware {

    static final Map<String, String> ROLE_OF_PACKAGE = Map.of(
            "io.sourced.command.", Roles.COMMAND,
            "io.sourced.saga.", Roles.SAGA,
            "io.sourced.query.", Roles.QUERY,
            "io.sourced.ui.", Roles.UI,
            // the demo seed sends commands and, on the JDBC event store, commits their events with its sign-ins:
            // it runs where the aggregates do
            "io.sourced.app.demo.", Roles.COMMAND);

    /**
     * Classes that stay wherever one of their roles runs. {@code OrderUpdates} follows an order over the query bus
     * alone, for the API's server-sent events (query) and the pages' (ui).
     */
    public static final Map<String, Set<String>> SHARED = Map.of(
            "io.sourced.query.views.ordering.OrderUpdates", Set.of(Roles.QUERY, Roles.UI));

    private Roles roles;

    @Override
    public void setEnvironment(Environment environment) {
        this.roles = Roles.of(environment);
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        return excludes(reader.getClassMetadata().getClassName());
    }

    boolean excludes(String className) {
        Set<String> sharedBy = SHARED.get(className);
        if (sharedBy != null) {
            return sharedBy.stream().noneMatch(roles::has);
        }
        return ROLE_OF_PACKAGE.entrySet().stream()
                .anyMatch(owner -> className.startsWith(owner.getKey()) && !roles.has(owner.getValue()));
    }

    RoleFilter with(Roles roles) {
        this.roles = roles;
        return this;
    }
}
