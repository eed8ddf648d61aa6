package io.sourced.app.it;

/** Consumers of the feed on the postgres profile, on a fresh PostgreSQL database. */
class PostgresConsumerFeedIT extends ConsumerFeedScenarios {

    @Override
    Database database() {
        return Database.postgres();
    }
}
