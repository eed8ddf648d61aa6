package io.sourced.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The API stays stateless, with one exception: the reports page's charts read {@code GET /api/reports/**} with the
 * page's sign-in. Only reads (a GET cannot change anything, so no CSRF token is needed), only the reports, and the
 * session is only read, never created or written; the role rules stay as they are.
 */
final class PageSessionForReportReads implements SecurityContextRepository {

    private static final String REPORTS = "/api/reports/";

    private final SecurityContextRepository perRequest = new RequestAttributeSecurityContextRepository();
    private final HttpSessionSecurityContextRepository pageSession = new HttpSessionSecurityContextRepository();

    PageSessionForReportReads() {
        pageSession.setAllowSessionCreation(false);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return readsAReport(request)
                ? pageSession.loadDeferredContext(request)
                : perRequest.loadDeferredContext(request);
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        perRequest.saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return readsAReport(request) ? pageSession.containsContext(request) : perRequest.containsContext(request);
    }

    private static boolean readsAReport(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod()) && path.startsWith(REPORTS);
    }
}
