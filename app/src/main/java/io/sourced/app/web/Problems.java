package io.sourced.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.sourced.api.refusal.Refusal;
import io.sourced.app.axon.Causes;
import io.sourced.app.axon.MissingHandlers;
import io.sourced.app.axon.StoreFailures;
import io.sourced.app.web.Problem.FieldProblem;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.ObjectUtils;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The one place that decides what a failure tells the client: the domain's refusals, Axon's "not found" and
 * "conflict", invalid input with the fields at fault, a store or a role that is away (503, come back), and anything
 * else (500, logged, no details). Nothing a client sends can produce a 500, and no answer carries SQL or class names.
 */
public final class Problems {

    static final String TYPES = "https://sourced.example/problems/";

    private Problems() {}

    public static Problem of(Throwable failure) {
        return known(failure)
                .orElseGet(() -> unavailable(failure)
                        .orElseGet(() -> Problem.of(
                                HttpStatus.INTERNAL_SERVER_ERROR,
                                "Something went wrong on our side; it has been logged.")));
    }

    /** A status with no more to say than its own words: for errors raised outside the application's handlers. */
    public static Problem ofStatus(HttpStatus status, String detail) {
        return Problem.of(status, detail);
    }

    private static Optional<Problem> known(Throwable failure) {
        Optional<Refusal> refusal = Refusal.of(failure);
        if (refusal.isPresent()) {
            return refusal.map(Problems::refused);
        }
        if (Causes.any(failure, cause -> cause instanceof BodySizeLimit.TooLarge)) {
            return Optional.of(Problem.of(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large.")
                    .withHeader(HttpHeaders.CONNECTION, "close"));
        }
        Throwable cause = Causes.first(
                        failure,
                        t -> t instanceof AggregateNotFoundException
                                || t instanceof IncompatibleAggregateException
                                || t instanceof AggregateStreamCreationException
                                || t instanceof ConcurrencyException)
                .orElse(failure);
        if (cause instanceof AggregateNotFoundException notFound) {
            return Optional.of(notFound("Nothing found with id " + notFound.getAggregateIdentifier()));
        }
        if (cause instanceof IncompatibleAggregateException) {
            // the id is another kind of aggregate's (an order's id given as a customer's): nothing of this kind has it
            return Optional.of(notFound("Nothing found with this id"));
        }
        if (cause instanceof AggregateStreamCreationException || cause instanceof ConcurrencyException) {
            return Optional.of(Problem.of(HttpStatus.CONFLICT, "Changed concurrently by another request; try again")
                    .withType("conflict", "Conflict"));
        }
        return invalidInput(failure)
                .or(() -> failure instanceof ErrorResponse response
                        ? Optional.of(fromSpring(response))
                        : Optional.empty());
    }

    private static Problem refused(Refusal refusal) {
        return switch (refusal.kind()) {
            case NOT_FOUND -> notFound(refusal.detail());
            case CONFLICT -> Problem.of(HttpStatus.CONFLICT, refusal.detail()).withType("conflict", "Conflict");
            case UNPROCESSABLE ->
                Problem.of(HttpStatus.UNPROCESSABLE_ENTITY, refusal.detail())
                        .withType("business-rule", "Refused by a business rule");
            case INVALID ->
                invalid(List.of(new FieldProblem(refusal.field(), refusal.reason())))
                        .withType("invalid", "Invalid request");
            case BUSY ->
                Problem.of(HttpStatus.TOO_MANY_REQUESTS, refusal.detail())
                        .withType("busy", "Too busy right now")
                        .withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, refusal.retryAfterSeconds())));
        };
    }

    private static Problem notFound(String detail) {
        return Problem.of(HttpStatus.NOT_FOUND, detail).withType("not-found", "Not found");
    }

    private static Optional<Problem> invalidInput(Throwable failure) {
        if (failure instanceof MethodArgumentNotValidException ex) {
            Stream<FieldProblem> fields = ex.getBindingResult().getFieldErrors().stream()
                    .map(error -> new FieldProblem(
                            error.getField(),
                            error.isBindingFailure()
                                    ? "is not a valid value: "
                                            + shorten(ObjectUtils.nullSafeToString(error.getRejectedValue()))
                                    : message(error)));
            Stream<FieldProblem> global = ex.getBindingResult().getGlobalErrors().stream()
                    .map(error -> new FieldProblem(error.getObjectName(), error.getDefaultMessage()));
            return Optional.of(invalid(Stream.concat(fields, global).toList()));
        }
        if (failure instanceof HandlerMethodValidationException ex) {
            return Optional.of(invalid(ex.getParameterValidationResults().stream()
                    .flatMap(result -> result.getResolvableErrors().stream()
                            .map(error -> new FieldProblem(
                                    result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                    .toList()));
        }
        if (failure instanceof HttpMessageNotReadableException ex) {
            return Optional.of(invalid(List.of(describe(ex.getCause()))));
        }
        if (failure instanceof MethodArgumentTypeMismatchException ex) {
            return Optional.of(invalid(List.of(new FieldProblem(
                    ex.getName(), "is not a valid value: " + shorten(ObjectUtils.nullSafeToString(ex.getValue()))))));
        }
        if (failure instanceof InvalidPropertyException ex) {
            // a form field naming a row past the form's bound, or a path the form does not have
            return Optional.of(invalid(List.of(new FieldProblem(ex.getPropertyName(), "is not a field of this form"))));
        }
        if (failure instanceof ConstraintViolationException ex) {
            return Optional.of(invalid(ex.getConstraintViolations().stream()
                    .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                    .toList()));
        }
        return Optional.empty();
    }

    private static Optional<Problem> unavailable(Throwable failure) {
        if (failure instanceof DataAccessException || StoreFailures.unavailable(failure)) {
            return Optional.of(Problem.of(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "The store is unavailable at the moment; try again shortly.")
                    .withHeader(HttpHeaders.RETRY_AFTER, "2"));
        }
        if (MissingHandlers.noneHandles(failure)) {
            return Optional.of(Problem.of(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "The part of Sourced that answers this is not reachable at the moment; try again shortly.")
                    .withHeader(HttpHeaders.RETRY_AFTER, "5"));
        }
        return Optional.empty();
    }

    /** Spring's own errors (an unknown path, a method not allowed, a missing parameter) keep their status and words. */
    private static Problem fromSpring(ErrorResponse response) {
        HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
        String detail = response.getBody().getDetail();
        Problem problem = Problem.of(status, detail == null ? status.getReasonPhrase() : detail);
        for (var header : response.getHeaders().toSingleValueMap().entrySet()) {
            problem = problem.withHeader(header.getKey(), header.getValue());
        }
        return problem;
    }

    private static Problem invalid(List<FieldProblem> errors) {
        String detail = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        return new Problem(HttpStatus.BAD_REQUEST, null, "Invalid request", detail, errors, java.util.Map.of());
    }

    private static FieldProblem describe(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(path(unknown), "is not a known field");
        }
        if (cause instanceof ValueInstantiationException instantiation) {
            Throwable reason = instantiation.getCause() != null ? instantiation.getCause() : instantiation;
            return new FieldProblem(path(instantiation), shorten(reason.getMessage()));
        }
        if (cause instanceof InvalidFormatException invalid) {
            return new FieldProblem(
                    path(invalid), "has an invalid value: " + shorten(String.valueOf(invalid.getValue())));
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return mismatched.getPath().isEmpty()
                    ? new FieldProblem("body", "is not the expected JSON object")
                    : new FieldProblem(path(mismatched), "is missing or has the wrong type");
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new FieldProblem(path(mapping), shorten(mapping.getOriginalMessage()));
        }
        if (cause instanceof JsonProcessingException json) {
            return new FieldProblem("body", "is not valid JSON: " + shorten(json.getOriginalMessage()));
        }
        return new FieldProblem("body", "is missing or unreadable");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** The first line, without the names of our classes (Jackson quotes them in backticks). */
    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String line = text.lines().findFirst().orElse("").replaceAll("`[^`]*`", "the expected type");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }
}
