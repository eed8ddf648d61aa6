package io.sourced.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's own stand-in for a CSRF token. A browser that was once given HTTP Basic credentials for the API sends
 * them again with every request to it, a request another site's page makes included. Such a page can send, without
 * asking this server first, only a form: no body, or a form or text content type, and no header of its own; a JSON
 * content type or {@value #HEADER} makes the browser ask first (CORS preflight), which this server never allows. So a
 * request that changes something must declare a JSON body (even an empty one) or carry {@value #HEADER}; anything else
 * is refused (403) before its credentials are even checked.
 */
final class ScriptedApiWrites extends OncePerRequestFilter {

    /** Any value will do: that the browser let the header through is the proof. */
    static final String HEADER = "X-Requested-With";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ProblemResponses problems;

    ScriptedApiWrites(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (READS.contains(request.getMethod()) || request.getHeader(HEADER) != null || declaresJson(request)) {
            chain.doFilter(request, response);
            return;
        }
        problems.refuse(
                response,
                "A request that changes something must send Content-Type: application/json (with or without a body)"
                        + " or the header " + HEADER + ".");
    }

    private static boolean declaresJson(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || ("application".equals(type.getType())
                            && type.getSubtype().endsWith("+json"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
