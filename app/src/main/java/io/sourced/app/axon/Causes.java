package io.sourced.app.axon;

import java.util.Optional;
import java.util.function.Predicate;

/** A failure and what caused it, as far down as the chain goes (a cause that names itself ends it). */
public final class Causes {

    private Causes() {}

    public static boolean any(Throwable failure, Predicate<Throwable> test) {
        return first(failure, test).isPresent();
    }

    /** The failure or the first of its causes that passes the test. */
    public static Optional<Throwable> first(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (test.test(cause)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }
}
