package io.sourced.app.it;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only source: answers the client's address and scheme as the application sees them (what a log line or a
 * per-address limit would see). Not a component on purpose: only an instance started with it as an extra source has
 * it.
 */
@RestController
class ClientAddress {

    static final String PATH = "/api/it/client-address";

    @GetMapping(PATH)
    String seen(HttpServletRequest request) {
        return request.getRemoteAddr() + " " + request.getScheme();
    }
}
