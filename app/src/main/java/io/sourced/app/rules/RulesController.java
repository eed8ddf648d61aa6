package io.sourced.app.rules;

import io.sourced.api.rules.BusinessRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The business rules this process decides by, for administrators ({@code /api/admin/**} is ADMIN only). */
@RestController
@Tag(name = "Operations")
class RulesController {

    private final BusinessRules rules;

    RulesController(BusinessRules rules) {
        this.rules = rules;
    }

    @Operation(
            summary = "The business rules in effect",
            description = "Read-only: the rules the aggregates and the order workflow decide by, set at start from "
                    + "sourced.rules.* (all off by default): partial fulfilment, the credit limit, the price change "
                    + "(percent, and the products it applies to: empty for all) and the automatic restock (null when "
                    + "off; its delay in ISO-8601).")
    @GetMapping("/api/admin/rules")
    BusinessRules rules() {
        return rules;
    }
}
