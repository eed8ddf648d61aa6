package io.sourced.app.it;

/** Consumers of the feed on the embedded default: an H2 file database. */
class H2ConsumerFeedIT extends ConsumerFeedScenarios {

    @Override
    Database database() {
        return Database.h2();
    }
}
