package io.sourced.api.operations;

/** The order workflow's backlog as the answering replica sees it, and its admission of new orders. */
public record FindWorkflowBacklogQuery() {}
