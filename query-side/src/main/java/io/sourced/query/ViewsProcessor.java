package io.sourced.query;

import org.axonframework.config.EventProcessingConfigurer;

/**
 * The one event processor that keeps the views kept in tables for the API and the pages: orders, order history,
 * products, customers and the event log. Each is a processing group of its own, with its own sequencing policy and
 * dead-letter queue, but they follow the log together: one stream, one transaction and one token write for a batch of
 * events, where each group on its own would read, track and commit every batch again. What that costs: they lag
 * together, a rebuild rebuilds them together, and an event the event log cannot index (it stops rather than skip one)
 * holds all of them back until it can. The reports and the data lake call or write outside systems and keep
 * processors of their own.
 */
public final class ViewsProcessor {

    public static final String NAME = "views";

    private ViewsProcessor() {}

    /** Puts the processing group's handlers in this processor. */
    public static void assign(EventProcessingConfigurer eventProcessing, String processingGroup) {
        eventProcessing.assignProcessingGroup(processingGroup, NAME);
    }
}
