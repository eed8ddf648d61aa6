package io.sourced.query;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A view's fold, chosen by the event's type: the first event makes the view, the later ones change it. An event
 * before the first, a first event delivered again, or an event of a type the fold does not name leaves the view as
 * it is, so applying an event twice is harmless. Events are records, so their class is their type.
 *
 * @param <V> the view; null stands for "not started yet"
 */
public final class Fold<V> {

    /** Makes the view from its first event. */
    @FunctionalInterface
    public interface First<E, V> {
        V make(E event, Instant at);
    }

    /** Changes a view that exists. */
    @FunctionalInterface
    public interface Step<V, E> {
        V apply(V view, E event, Instant at);
    }

    private final Map<Class<?>, Step<V, Object>> steps;

    private Fold(Map<Class<?>, Step<V, Object>> steps) {
        this.steps = Map.copyOf(steps);
    }

    /** A fold that names no event yet. */
    public static <V> Fold<V> of() {
        return new Fold<>(Map.of());
    }

    /** This fold, with events of {@code type} making the view when there is none. */
    public <E> Fold<V> startedBy(Class<E> type, First<E, V> first) {
        return with(type, (view, event, at) -> view != null ? view : first.make(type.cast(event), at));
    }

    /** This fold, with events of {@code type} changing the view once there is one. */
    public <E> Fold<V> on(Class<E> type, Step<V, E> step) {
        return with(type, (view, event, at) -> view == null ? null : step.apply(view, type.cast(event), at));
    }

    /** The view with the event applied. */
    public V apply(V view, Object event, Instant at) {
        Step<V, Object> step = steps.get(event.getClass());
        return step == null ? view : step.apply(view, event, at);
    }

    private Fold<V> with(Class<?> type, Step<V, Object> step) {
        if (steps.containsKey(type)) {
            throw new IllegalArgumentException("The fold already names " + type.getSimpleName());
        }
        Map<Class<?>, Step<V, Object>> more = new HashMap<>(steps);
        more.put(type, step);
        return new Fold<>(more);
    }
}
