package io.sourced.api.operations;

/** Every event processor of the processes that run the views; ask for a list of {@link ProcessorStatus}. */
public record FindProcessorsQuery() {}
