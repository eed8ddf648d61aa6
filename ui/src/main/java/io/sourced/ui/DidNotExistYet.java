package io.sourced.ui;

import java.time.Instant;

/** A page asked "as of" an instant before its aggregate's first event: answered 404 with the page's own words. */
class DidNotExistYet extends RuntimeException {

    final String what;
    final Instant asOf;
    final String nowPath;

    DidNotExistYet(String what, Instant asOf, String nowPath) {
        super(what + " did not exist yet", null, false, false);
        this.what = what;
        this.asOf = asOf;
        this.nowPath = nowPath;
    }
}
