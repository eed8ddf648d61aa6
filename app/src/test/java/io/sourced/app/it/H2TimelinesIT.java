package io.sourced.app.it;

/** What-if timelines on the embedded default: an H2 file database. */
class H2TimelinesIT extends TimelineScenarios {

    @Override
    Database database() {
        return Database.h2();
    }
}
