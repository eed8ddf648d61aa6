package io.sourced.app.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents the errors every API call may answer, as problem details, so the OpenAPI document says what
 * the code does: 400 invalid input, 401, 403, 404, 409/422 where a command can be refused (422 also for an
 * Idempotency-Key used for another request), and 429 where a new
 * order may be refused while the workflow is behind.
 */
@Component
class ProblemResponsesInOpenApi implements OpenApiCustomizer {

    private static final String PROBLEM = "Problem";

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        openApi.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> document(path, method, operation));
        });
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Invalid input: malformed JSON, a missing or invalid field, an unknown enum value");
        errors.put("401", "Not signed in");
        errors.put(
                "403",
                method == PathItem.HttpMethod.GET
                        ? "Signed in, but the role may not do this"
                        : "Signed in, but the role may not do this; or sent without Content-Type: application/json"
                                + " (also when bodiless) or an X-Requested-With header");
        if (path.contains("{")) {
            errors.put("404", "Unknown id, or another customer's");
        }
        if (method == PathItem.HttpMethod.POST) {
            errors.put("404", "Unknown id, or another customer's");
            errors.put("409", "Conflict: a duplicate, or a change the current state does not allow");
        }
        if (path.endsWith("/withdrawals")) {
            errors.put("422", "A business rule refused the command (beyond the balance)");
        }
        if (path.endsWith("/write-offs")) {
            errors.put("422", "A business rule refused the command (more than is available)");
        }
        if (path.endsWith("/reversal")) {
            errors.put(
                    "422",
                    "A business rule refused the command (the money is spent, the transaction is not a deposit the"
                            + " account remembers, or it was reversed already)");
        }
        if (path.endsWith("/returns")) {
            errors.put("409", "The order is not accepted: pending, rejected or cancelled");
            errors.put(
                    "422",
                    "A business rule refused the return (more units than the order got, less those returned or being"
                            + " returned; the return window closed; every unit returned already)");
        }
        if (takesAnIdempotencyKey(operation)) {
            errors.merge(
                    "422",
                    "The Idempotency-Key was used for another request",
                    (rule, key) -> rule + ", or the Idempotency-Key was used for another request");
        }
        if (path.equals("/api/orders") && method == PathItem.HttpMethod.POST) {
            errors.put(
                    "429",
                    "The workflow is further behind than its admission limit: the order is not taken;"
                            + " Retry-After says in how many seconds to try again");
        }
        errors.forEach((code, description) -> operation.getResponses().putIfAbsent(code, problem(description)));
    }

    private static boolean takesAnIdempotencyKey(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(parameter ->
                                "header".equals(parameter.getIn()) && "Idempotency-Key".equals(parameter.getName()));
    }

    private static ApiResponse problem(String description) {
        Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
        return new ApiResponse()
                .description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(ref)));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema());
        fieldError.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema());
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("errors", new ArraySchema().items(fieldError));
        return problem;
    }
}
