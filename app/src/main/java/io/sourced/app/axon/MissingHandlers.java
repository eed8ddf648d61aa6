package io.sourced.app.axon;

import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.queryhandling.NoHandlerForQueryException;

/**
 * Tells a message no reachable process handles — a process running some roles only, whose other roles are away (no
 * Axon Server, or none of their processes up) — from every other failure: the client is told to come back.
 */
public final class MissingHandlers {

    private MissingHandlers() {}

    public static boolean noneHandles(Throwable failure) {
        return Causes.any(
                failure,
                cause -> cause instanceof NoHandlerForQueryException || cause instanceof NoHandlerForCommandException);
    }
}
