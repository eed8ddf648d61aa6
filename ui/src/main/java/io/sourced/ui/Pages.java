package io.sourced.ui;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the page controllers share. Their failures are answered by the application's one error mapper, like every
 * other request's; only a page asked "as of" an instant before its subject existed has a page of its own.
 */
abstract class Pages {

    @ExceptionHandler(DidNotExistYet.class)
    ModelAndView notYet(DidNotExistYet e) {
        ModelAndView page = new ModelAndView("not-yet");
        page.setStatus(HttpStatus.NOT_FOUND);
        page.addObject("what", e.what);
        page.addObject("asOf", e.asOf);
        page.addObject("nowPath", e.nowPath);
        return page;
    }
}
