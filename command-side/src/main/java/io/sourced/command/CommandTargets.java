package io.sourced.command;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Which aggregate a command is for, read as Axon's {@link AnnotationCommandTargetResolver} reads it (the first method
 * of no parameter, else the first field, annotated {@link TargetAggregateIdentifier}, and likewise the expected
 * {@link TargetAggregateVersion}), but with the annotated members found once per command class: Axon's looks over
 * every method and field of the command, and their annotations, at each command. The live command side and a
 * timeline's sandbox both route their aggregates' commands with it.
 */
public final class CommandTargets implements CommandTargetResolver {

    private record Members(Accessor identifier, Accessor version) {}

    @FunctionalInterface
    private interface Accessor {
        Object read(Object command) throws InvocationTargetException, IllegalAccessException;
    }

    private static final Accessor NONE = command -> null;

    private static final ClassValue<Members> MEMBERS = new ClassValue<>() {
        @Override
        protected Members computeValue(Class<?> commandType) {
            return new Members(
                    annotated(commandType, TargetAggregateIdentifier.class),
                    annotated(commandType, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Members members = MEMBERS.get(command.getPayloadType());
        Object identifier;
        Long version;
        try {
            identifier = members.identifier().read(command.getPayload());
            version = asLong(members.version().read(command.getPayload()));
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "An exception occurred while extracting aggregate information form a command", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(
                    "The current security context does not allow extraction of aggregate information from the given"
                            + " command.",
                    e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
        if (identifier == null) {
            throw new IllegalArgumentException(String.format(
                    "Invalid command. It does not identify the target aggregate. Make sure at least one of the fields"
                            + " or methods in the [%s] class contains the @TargetAggregateIdentifier annotation and"
                            + " that it returns a non-null value.",
                    command.getPayloadType().getSimpleName()));
        }
        return new VersionedAggregateIdentifier(identifier.toString(), version);
    }

    private static Accessor annotated(Class<?> commandType, Class<? extends Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(commandType)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                ReflectionUtils.ensureAccessible(method);
                return method::invoke;
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(commandType)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                ReflectionUtils.ensureAccessible(field);
                return field::get;
            }
        }
        return NONE;
    }

    private static Long asLong(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Number number ? number.longValue() : Long.parseLong(value.toString());
    }
}
