package io.sourced.app.it;

/** The event feed under a skewed writers' clock, on the embedded default: an H2 file database. */
class H2SkewedClockEventFeedIT extends SkewedClockEventFeedScenarios {

    @Override
    Database database() {
        return Database.h2();
    }
}
