package io.sourced.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sourced.app.web.Problem;
import io.sourced.app.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** Security's refusals (401, 403, 429, a rejected address or way of sending) rendered as the problems {@link Problems} words. */
final class ProblemResponses {

    private final ObjectMapper objectMapper;

    ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    AuthenticationEntryPoint unauthorized() {
        return lockedOutOr((request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"sourced\"");
            write(response, HttpStatus.UNAUTHORIZED, "Sign in with a valid username and password.");
        });
    }

    /** 401 for a bearer token no enabled consumer holds: unknown, rotated, or its consumer disabled. */
    void invalidBearer(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"sourced\", error=\"invalid_token\"");
        write(response, HttpStatus.UNAUTHORIZED, "This token is unknown, was rotated, or its consumer is disabled.");
    }

    /** 429 with Retry-After for a locked-out username; anything else goes to {@code otherwise}. */
    AuthenticationEntryPoint lockedOutOr(AuthenticationEntryPoint otherwise) {
        return (request, response, e) -> {
            if (e instanceof TooManyFailedSignIns locked) {
                response.setHeader("Retry-After", Long.toString(locked.retryAfterSeconds()));
                write(
                        response,
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many failed sign-ins for this username; try again later.");
            } else {
                otherwise.commence(request, response, e);
            }
        };
    }

    /** A request the firewall refuses (an encoded percent or slash, a non-normalised path) is a 400 problem. */
    RequestRejectedHandler rejected() {
        return (request, response, e) ->
                write(response, HttpStatus.BAD_REQUEST, "The request's address is not allowed.");
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "Your role may not do this.");
    }

    /** 403 for a request refused for how it was sent rather than for who sent it. */
    void refuse(HttpServletResponse response, String detail) throws IOException {
        write(response, HttpStatus.FORBIDDEN, detail);
    }

    private void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        Problem problem = Problems.ofStatus(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem.body());
    }
}
