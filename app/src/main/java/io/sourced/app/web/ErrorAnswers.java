package io.sourced.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers every failure of a request, whichever controller or none raised it, with what {@link Problems} decides:
 * a problem detail for the API, the error page for a person's browser, the bare status for an event stream.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorAnswers {

    private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);
    private static final String[] MACHINE_PATHS = {"/api/", "/v3/", "/actuator/", "/sim/"};

    /** A client that hung up on a stream is told nothing (no one is there to read it) and is not a failure of ours. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException gone) {
        log.debug("The client hung up: {}", gone.getMessage());
    }

    @ExceptionHandler(Exception.class)
    Object answer(Exception failure, HttpServletRequest request) {
        Problem problem = Problems.of(failure);
        logged(problem, failure);
        if (isForMachines(request)) {
            return problem.response();
        }
        if (isEventStream(request)) {
            return ResponseEntity.status(problem.status()).build();
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(problem.status());
        page.addObject("status", problem.status().value());
        return page;
    }

    private static void logged(Problem problem, Exception failure) {
        if (problem.status() == HttpStatus.INTERNAL_SERVER_ERROR) {
            log.error("Unexpected failure", failure);
        } else if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            log.warn("Unavailable for now: {}", failure.toString());
        }
    }

    private static boolean isForMachines(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : MACHINE_PATHS) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEventStream(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE);
    }
}
