package io.sourced.timelines.engine;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.saga.ResourceInjector;

/**
 * Gives a saga its resources as Axon's {@code ConfigurationResourceInjector} does (every field, and every method of one
 * parameter, annotated {@code @Autowired} or {@code @Inject}, given the configuration's component of its type), but
 * finds those members and their components once per saga class: Axon's looks every member of the class over by
 * reflection at each load of a saga, which a sandbox that loads a saga at each of an order's events pays for each.
 * The components of a configuration are made once, so the one found first is the one each load would find.
 */
final class SagaResources implements ResourceInjector {

    private static final List<String> INJECTION_MARKS = List.of(
            "org.springframework.beans.factory.annotation.Autowired", "jakarta.inject.Inject", "javax.inject.Inject");

    private record Injection(Member member, Object resource) {

        void into(Object saga) {
            try {
                if (member instanceof Field field) {
                    field.set(saga, resource);
                } else {
                    ((Method) member).invoke(saga, resource);
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("could not give the saga its " + member.getName(), e);
            }
        }
    }

    private final Function<Class<?>, Object> components;
    /**
     * By saga class. Not a {@code ClassValue}: its values would hold the sandbox's components, which lead back to it, and
     * a value that reaches its own {@code ClassValue} keeps it, and the whole sandbox, for as long as the class lives.
     */
    private final Map<Class<?>, List<Injection>> injections = new ConcurrentHashMap<>();

    /** @param components a configuration's component of a type, or null when it has none */
    SagaResources(Function<Class<?>, Object> components) {
        this.components = components;
    }

    @Override
    public void injectResources(Object saga) {
        for (Injection injection : injections.computeIfAbsent(saga.getClass(), this::injectionsOf)) {
            injection.into(saga);
        }
    }

    private List<Injection> injectionsOf(Class<?> sagaType) {
        List<Injection> found = new ArrayList<>();
        for (Field field : ReflectionUtils.fieldsOf(sagaType)) {
            if (marked(field)) {
                resource(field.getType()).ifPresent(resource -> {
                    ReflectionUtils.ensureAccessible(field);
                    found.add(new Injection(field, resource));
                });
            }
        }
        for (Method method : ReflectionUtils.methodsOf(sagaType)) {
            if (method.getParameterCount() == 1 && marked(method)) {
                resource(method.getParameterTypes()[0]).ifPresent(resource -> {
                    ReflectionUtils.ensureAccessible(method);
                    found.add(new Injection(method, resource));
                });
            }
        }
        return List.copyOf(found);
    }

    /** Axon's test of an injection point, meta-annotations included. */
    private static boolean marked(AnnotatedElement member) {
        return INJECTION_MARKS.stream().anyMatch(mark -> AnnotationUtils.isAnnotationPresent(member, mark));
    }

    private Optional<Object> resource(Class<?> type) {
        return Optional.ofNullable(components.apply(type));
    }
}
