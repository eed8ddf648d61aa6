package io.sourced.command.refusal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class RefusalAdviceTest {

    private final RefusalAdvice advice = new RefusalAdvice();

    @Test
    void notFoundRefusal_answers404ProblemDetail() {
        ResponseEntity<ProblemDetail> response = advice.refused(new NotFoundRefusal("No order 42"));

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().getType()).isEqualTo(URI.create("https://sourced.example/problems/not-found"));
        assertThat(response.getBody().getTitle()).isEqualTo("Not found");
        assertThat(response.getBody().getStatus()).isEqualTo(404);
        assertThat(response.getBody().getDetail()).isEqualTo("No order 42");
    }

    @Test
    void conflictAndUnprocessableRefusals_answer409And422() {
        assertThat(advice.refused(new ConflictRefusal("order is ACCEPTED")).getStatusCode().value()).isEqualTo(409);
        ResponseEntity<ProblemDetail> refused = advice.refused(new UnprocessableRefusal("withdrawal of 5 exceeds"));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().getDetail()).isEqualTo("withdrawal of 5 exceeds");
    }

    @Test
    void invalidRefusal_answers400WithTheField() {
        ResponseEntity<ProblemDetail> response = advice.refused(new InvalidRefusal("customerId", "is required"));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().getDetail()).isEqualTo("customerId is required");
        assertThat(response.getBody().getProperties())
                .containsEntry("errors", List.of(Map.of("field", "customerId", "message", "is required")));
    }

    @Test
    void aggregateNotFound_answers404() {
        ResponseEntity<ProblemDetail> response =
                advice.notFound(new AggregateNotFoundException("abc", "The aggregate was not found"));

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody().getDetail()).contains("abc");
    }

    @Test
    void idOfAnotherAggregateKind_answers404() {
        ResponseEntity<ProblemDetail> response = advice.notFound(new org.axonframework.eventsourcing.IncompatibleAggregateException(
                "Aggregate identifier must be non-null after applying an event."));

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody().getDetail()).doesNotContain("Aggregate identifier");
    }

    @Test
    void aggregateStreamCreation_answers409() {
        assertThat(advice.concurrentChange(new AggregateStreamCreationException("exists")).getStatusCode().value())
                .isEqualTo(409);
    }

    @Test
    void commandExecutionException_isUnwrapped() {
        assertThat(advice.commandFailed(new CommandExecutionException("failed", new ConflictRefusal("late")))
                         .getStatusCode().value()).isEqualTo(409);
        assertThat(advice.commandFailed(new CommandExecutionException("failed", null, new UnprocessableRefusal("no")))
                         .getStatusCode().value()).isEqualTo(422);
        assertThat(advice.commandFailed(new CommandExecutionException("failed", new IllegalStateException("bug")))
                         .getStatusCode().value()).isEqualTo(500);
    }
}
