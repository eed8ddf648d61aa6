package io.sourced.app.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address that is no page: the friendly 404 page for people, the API's problem detail under /api.
 * Ordered before the API's catch-all advice, which would otherwise answer JSON to a browser.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UnknownPageAdvice {

    @ExceptionHandler(NoResourceFoundException.class)
    Object noSuchPage(NoResourceFoundException e, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator/")) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(e.getBody());
        }
        return Pages.errorPage(HttpStatus.NOT_FOUND);
    }
}
