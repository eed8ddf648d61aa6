package io.sourced.app.web.pages;

import java.util.function.Function;

/** Unknown, malformed or someone else's id: the page answers 404, never telling which. */
class PageNotFound extends RuntimeException {

    PageNotFound() {
        super("not found", null, false, false);
    }

    static <T> T parse(String id, Function<String, T> parser) {
        try {
            return parser.apply(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PageNotFound();
        }
    }
}
