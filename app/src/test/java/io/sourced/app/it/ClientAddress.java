package io.sourced.app.it;

import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Test-only source: answers the client's address and scheme as the application sees them (what a log line or a
 * per-address limit would see). Neither a component nor an annotated controller on purpose: only an instance started
 * with it as an extra source has it, and the OpenAPI document does not list it.
 */
class ClientAddress {

    static final String PATH = "/api/it/client-address";

    @Bean
    RouterFunction<ServerResponse> clientAddressSeen() {
        return RouterFunctions.route()
                .GET(
                        PATH,
                        request -> ServerResponse.ok()
                                .body(request.servletRequest().getRemoteAddr() + " "
                                        + request.servletRequest().getScheme()))
                .build();
    }
}
