package io.sourced.query.operations;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sourced.query.RebuildableView;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Rebuilds of views beside the live ones: the shadow schema, the ledger, the processors they replace. */
@Configuration(proxyBeanMethods = false)
class RebuildConfiguration {

    /** A small pool of its own whose connections' current schema is the shadow one. */
    @Bean(destroyMethod = "close")
    ShadowPool shadowPool(DataSource dataSource) {
        if (!(dataSource instanceof HikariDataSource hikari)) {
            throw new IllegalStateException("Views are rebuilt through a connection pool of their own, made like the "
                    + "application's HikariCP pool; this one is a "
                    + dataSource.getClass().getName());
        }
        HikariConfig config = new HikariConfig();
        hikari.copyStateTo(config);
        config.setPoolName("rebuild");
        config.setSchema(ShadowSchema.NAME);
        // a connection for each view's worker while it applies a chunk
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(0);
        if (config.getJdbcUrl() != null && config.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            // one INSERT of many rows for a JDBC batch
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        // the schema exists once ShadowSchema migrated it: no connection before then
        config.setInitializationFailTimeout(-1);
        return new ShadowPool(new HikariDataSource(config));
    }

    @Bean
    ShadowSchema shadowSchema(DataSource dataSource, ShadowPool pool) {
        return new ShadowSchema(dataSource, pool.dataSource());
    }

    @Bean
    RebuildLedger rebuildLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new RebuildLedger(jdbc, new TransactionTemplate(transactions), Clock.systemUTC());
    }

    @Bean
    LiveProcessors liveProcessors(
            EventProcessingConfiguration processing,
            ReplayRequests requests,
            TokenStore tokenStore,
            SegmentClaims claims) {
        return new LiveProcessors(processing, requests, tokenStore, claims);
    }

    @Bean
    ProcessingGroups processingGroups(List<RebuildableView> views, EventProcessingConfiguration processing) {
        return new ProcessingGroups(
                views, name -> processing.eventProcessorByProcessingGroup(name).map(EventProcessor::getName));
    }

    @Bean(destroyMethod = "close")
    ViewRebuilds viewRebuilds(
            ProcessingGroups groups,
            ShadowSchema shadow,
            RebuildLedger ledger,
            EventStore eventStore,
            LiveProcessors processors,
            PlatformTransactionManager transactions,
            @Value("${sourced.replica.name}") String replica) {
        ViewRebuild.StreamSource log = new ViewRebuild.StreamSource() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> from(TrackingToken position) {
                return eventStore.openStream(position);
            }

            @Override
            public long head() {
                TrackingToken head = eventStore.createHeadToken();
                return head == null ? -1 : head.position().orElse(-1);
            }
        };
        return new ViewRebuilds(
                groups,
                shadow,
                ledger,
                log,
                processors,
                new TransactionTemplate(transactions),
                replica,
                Clock.systemUTC());
    }

    /** The shadow schema's pool, closed with the application. */
    record ShadowPool(HikariDataSource dataSource) implements AutoCloseable {
        @Override
        public void close() {
            dataSource.close();
        }
    }
}
