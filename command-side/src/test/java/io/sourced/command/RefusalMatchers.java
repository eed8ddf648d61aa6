package io.sourced.command;

import io.sourced.api.refusal.Refusal;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a failure that carries a refusal of one kind, as the fixtures' {@code expectException} takes it. */
public final class RefusalMatchers {

    private RefusalMatchers() {}

    public static Matcher<Throwable> refused(Refusal.Kind kind) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable failure) {
                return Refusal.of(failure).filter(refusal -> refusal.is(kind)).isPresent();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal of kind ").appendValue(kind);
            }
        };
    }
}
