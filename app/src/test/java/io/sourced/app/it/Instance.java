package io.sourced.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sourced.api.operations.FindProcessorsQuery;
import io.sourced.api.operations.ProcessorStatus;
import io.sourced.app.SourcedApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole application, started in this JVM on a random port, on a given database. */
final class Instance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    final Api admin;

    private Instance(ConfigurableApplicationContext context) {
        this.context = context;
        this.admin = api("admin", "admin");
    }

    static Instance start(Database database, Class<?>... extraSources) {
        return start(database, List.of(), extraSources);
    }

    /** {@code moreArguments} replace the database's and the defaults' arguments of the same name. */
    static Instance start(Database database, List<String> moreArguments, Class<?>... extraSources) {
        List<String> arguments = new ArrayList<>(database.arguments());
        arguments.add("--server.port=0");
        arguments.add("--sourced.demo.enabled=true");
        arguments.add("--spring.main.banner-mode=off");
        arguments.removeIf(
                argument -> moreArguments.stream().anyMatch(more -> name(more).equals(name(argument))));
        arguments.addAll(moreArguments);
        Class<?>[] sources = new Class<?>[extraSources.length + 1];
        sources[0] = SourcedApplication.class;
        System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(sources).run(arguments.toArray(String[]::new));
        return new Instance(context);
    }

    private static String name(String argument) {
        int equals = argument.indexOf('=');
        return equals < 0 ? argument : argument.substring(0, equals);
    }

    Api api(String username, String password) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Api("http://localhost:" + port, username, password);
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    /**
     * Waits until every processor runs, none replays, and none has events left to handle: the workflow of earlier
     * orders (the saga's last steps, a confirmation after an acceptance) no longer adds events, so a count of the log
     * stays put unless asked to move, and the views are what the log says.
     */
    void awaitQuiet() {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    for (ProcessorStatus status : bean(QueryGateway.class)
                            .query(new FindProcessorsQuery(), ResponseTypes.multipleInstancesOf(ProcessorStatus.class))
                            .join()) {
                        assertThat(status.replaying()).as(status.toString()).isFalse();
                        assertThat(status.status()).as(status.toString()).isEqualTo("RUNNING");
                        assertThat(status.lag()).as(status.toString()).isZero();
                    }
                });
    }

    long eventCount() {
        Long count = jdbc().queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public void close() {
        context.close();
    }
}
