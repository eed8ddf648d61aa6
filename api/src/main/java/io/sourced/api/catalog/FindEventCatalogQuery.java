package io.sourced.api.catalog;

/** Every event type, by type; ask for a list of {@link EventSchema}. */
public record FindEventCatalogQuery() {}
