package io.sourced.app.security;

import io.sourced.api.caller.Caller;
import io.sourced.query.log.consumers.ConsumerTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a consumer in by {@code Authorization: Bearer <token>} on the API, for the request alone: kept in the
 * request (so the stream's later dispatches see it), never in a session. A token no enabled consumer holds is a 401
 * at once; the role rules then keep a consumer to the feed. Where the query side does not run (a split by roles),
 * no token is known.
 */
final class ConsumerBearerTokens extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ObjectProvider<ConsumerTokens> tokens;
    private final ProblemResponses problems;
    private final SecurityContextRepository perRequest = new RequestAttributeSecurityContextRepository();

    ConsumerBearerTokens(ObjectProvider<ConsumerTokens> tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String token = authorization.substring(BEARER.length()).strip();
        ConsumerTokens known = tokens.getIfAvailable();
        Optional<Caller> consumer = known == null ? Optional.empty() : known.signIn(token);
        if (consumer.isEmpty()) {
            problems.invalidBearer(response);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ConsumerAuthentication(consumer.get()));
        SecurityContextHolder.setContext(context);
        perRequest.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
