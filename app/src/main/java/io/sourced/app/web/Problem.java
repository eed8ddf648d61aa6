package io.sourced.app.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * An error as the client is told it (RFC 9457): its status, words, the fields at fault and the headers that go with
 * it. {@link Problems} decides it; the API, the pages, security and Tomcat only render it.
 *
 * @param type    the problem's type URI, or null for {@code about:blank}
 * @param errors  the fields at fault, for invalid input; empty otherwise
 * @param headers extra headers, like {@code Retry-After}
 */
public record Problem(
        HttpStatus status,
        URI type,
        String title,
        String detail,
        List<FieldProblem> errors,
        Map<String, String> headers) {

    public record FieldProblem(String field, String message) {}

    public Problem {
        errors = List.copyOf(errors);
        headers = Map.copyOf(headers);
    }

    static Problem of(HttpStatus status, String detail) {
        return new Problem(status, null, status.getReasonPhrase(), detail, List.of(), Map.of());
    }

    Problem withType(String name, String title) {
        return new Problem(status, URI.create(Problems.TYPES + name), title, detail, errors, headers);
    }

    Problem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Problem(status, type, title, detail, errors, more);
    }

    public ProblemDetail body() {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        if (type != null) {
            body.setType(type);
        }
        body.setTitle(title);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return body;
    }

    public ResponseEntity<ProblemDetail> response() {
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.forEach(response::header);
        return response.body(body());
    }
}
