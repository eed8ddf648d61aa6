package io.sourced.app.security;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.CustomerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Identity")
class MeController {

    record Me(String username, List<String> roles, CustomerId customerId) {}

    @GetMapping("/api/me")
    @Operation(summary = "Who is signed in, with which roles, for which customer")
    Me me(@Parameter(hidden = true) Caller caller) {
        return new Me(caller.username(), caller.roles().stream().sorted().toList(), caller.customerId());
    }
}
