package io.sourced.ui;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The instant an "as of" control asks for. The page's script sends {@code asOf}, the browser's local time as an
 * ISO instant; without the script only the typed {@code asOfLocal} arrives, read as UTC (the time zone the pages
 * show before the script rewrites them). Null asks for now.
 */
final class AsOf {

    private AsOf() {}

    static Instant of(Instant asOf, LocalDateTime asOfLocal) {
        if (asOf != null) {
            return asOf;
        }
        return asOfLocal == null ? null : asOfLocal.toInstant(ZoneOffset.UTC);
    }
}
