package io.sourced.ui;

import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Unknown, malformed or someone else's id: the page answers 404, never telling which. */
class PageNotFound extends ResponseStatusException {

    PageNotFound() {
        super(HttpStatus.NOT_FOUND);
    }

    static <T> T parse(String id, Function<String, T> parser) {
        try {
            return parser.apply(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PageNotFound();
        }
    }
}
