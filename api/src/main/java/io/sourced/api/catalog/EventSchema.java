package io.sourced.api.catalog;

/** One event type of the catalog: its simple name, its current revision and the JSON Schema of its payload, as JSON. */
public record EventSchema(String type, String revision, String schema) {}
