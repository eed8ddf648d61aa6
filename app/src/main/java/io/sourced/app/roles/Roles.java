package io.sourced.app.roles;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;

/**
 * Which parts of Sourced this process runs ({@code sourced.roles}, all by default): the command side, the saga,
 * the query side and the web pages. One jar, deployed whole or as a service per role.
 */
public record Roles(Set<String> names) {

    public static final String PROPERTY = "sourced.roles";
    public static final String COMMAND = "command";
    public static final String SAGA = "saga";
    public static final String QUERY = "query";
    public static final String UI = "ui";
    public static final List<String> ALL = List.of(COMMAND, SAGA, QUERY, UI);

    public Roles {
        names = Set.copyOf(names);
    }

    public static Roles of(Environment environment) {
        return parse(environment.getProperty(PROPERTY, String.join(",", ALL)));
    }

    /** The roles named in a comma-separated list; an unknown or missing name stops the start with its reason. */
    public static Roles parse(String value) {
        Set<String> names = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> unknown =
                names.stream().filter(name -> !ALL.contains(name)).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(PROPERTY + "=" + value + " names unknown role(s) " + unknown
                    + "; known roles are " + String.join(", ", ALL));
        }
        if (names.isEmpty()) {
            throw new IllegalStateException(PROPERTY + " is empty; name at least one of " + String.join(", ", ALL));
        }
        return new Roles(names);
    }

    /** The property that switches a role's module on or off, derived from {@link #PROPERTY} by {@link RoleSettings}. */
    public static String switchOf(String role) {
        return "sourced.role." + role;
    }

    public boolean has(String role) {
        return names.contains(role);
    }

    @Override
    public String toString() {
        return ALL.stream().filter(this::has).collect(Collectors.joining(","));
    }
}
