package io.sourced.app.web.pages;

import io.sourced.app.axon.MissingHandlers;
import io.sourced.app.axon.StoreFailures;

import io.sourced.command.refusal.NotFoundRefusal;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page controller does with a failure: a friendly page, never a stack trace. These handlers
 * sit in the controllers' own class hierarchy so they win over the API's problem-detail advice.
 */
abstract class Pages {

    private static final Logger log = LoggerFactory.getLogger(Pages.class);

    @ExceptionHandler({PageNotFound.class, NotFoundRefusal.class, AggregateNotFoundException.class})
    ModelAndView notFound() {
        return errorPage(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(DidNotExistYet.class)
    ModelAndView notYet(DidNotExistYet e) {
        ModelAndView page = new ModelAndView("not-yet");
        page.setStatus(HttpStatus.NOT_FOUND);
        page.addObject("what", e.what);
        page.addObject("asOf", e.asOf);
        page.addObject("nowPath", e.nowPath);
        return page;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badRequest() {
        return errorPage(HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ModelAndView commandFailed(CommandExecutionException e) {
        if (e.getCause() instanceof NotFoundRefusal || e.getCause() instanceof AggregateNotFoundException) {
            return notFound();
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        if (StoreFailures.unavailable(e) || MissingHandlers.noneHandles(e)) {
            log.warn("Page unavailable for now: {}", e.toString());
            return errorPage(HttpStatus.SERVICE_UNAVAILABLE);
        }
        log.error("Page failed", e);
        return errorPage(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    static ModelAndView errorPage(HttpStatus status) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        return page;
    }
}
