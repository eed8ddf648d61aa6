package io.sourced.command.refusal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the domain's refusals (and Axon's own "not found" and "conflict") into RFC 9457 problem details. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalAdvice {

    private static final Logger log = LoggerFactory.getLogger(RefusalAdvice.class);
    private static final String TYPES = "https://sourced.example/problems/";

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        return problemFor(refusal)
                .orElseGet(() -> problem(HttpStatus.BAD_REQUEST, "refused", "Refused", refusal.getMessage()));
    }

    @ExceptionHandler({AggregateNotFoundException.class, IncompatibleAggregateException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException exception) {
        return problemFor(exception).orElseThrow();
    }

    @ExceptionHandler({AggregateStreamCreationException.class, ConcurrencyException.class})
    ResponseEntity<ProblemDetail> concurrentChange(RuntimeException exception) {
        return problemFor(exception).orElseThrow();
    }

    /** A distributed command bus wraps the handler's exception; the local one may too for checked ones. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException exception) {
        return problemFor(exception.getCause())
                .or(() -> exception.getDetails().filter(Throwable.class::isInstance)
                        .flatMap(details -> problemFor((Throwable) details)))
                .orElseGet(() -> {
                    log.error("Command failed", exception);
                    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Command failed",
                                   "The command could not be handled");
                });
    }

    static Optional<ResponseEntity<ProblemDetail>> problemFor(Throwable failure) {
        if (failure instanceof NotFoundRefusal || failure instanceof AggregateNotFoundException) {
            String detail = failure instanceof AggregateNotFoundException notFound
                    ? "Nothing found with id " + notFound.getAggregateIdentifier()
                    : failure.getMessage();
            return Optional.of(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail));
        }
        if (failure instanceof IncompatibleAggregateException) {
            // the id is another kind of aggregate's (an order's id given as a customer's): nothing of this kind has it
            return Optional.of(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "Nothing found with this id"));
        }
        if (failure instanceof ConflictRefusal) {
            return Optional.of(problem(HttpStatus.CONFLICT, "conflict", "Conflict", failure.getMessage()));
        }
        if (failure instanceof AggregateStreamCreationException || failure instanceof ConcurrencyException) {
            return Optional.of(problem(HttpStatus.CONFLICT, "conflict", "Conflict",
                                       "Changed concurrently by another request; try again"));
        }
        if (failure instanceof UnprocessableRefusal) {
            return Optional.of(problem(HttpStatus.UNPROCESSABLE_ENTITY, "business-rule", "Refused by a business rule",
                                       failure.getMessage()));
        }
        if (failure instanceof InvalidRefusal invalid) {
            ResponseEntity<ProblemDetail> response =
                    problem(HttpStatus.BAD_REQUEST, "invalid", "Invalid request", invalid.getMessage());
            response.getBody().setProperty("errors", List.of(Map.of("field", invalid.field(),
                                                                    "message", invalid.rule())));
            return Optional.of(response);
        }
        if (failure instanceof CommandExecutionException wrapped && wrapped.getCause() != null) {
            return problemFor(wrapped.getCause());
        }
        return Optional.empty();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
