package io.sourced.ui;

import io.sourced.api.rules.BusinessRules;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The business rules in effect (ADMIN), read-only: they are set at start from the application's settings. */
@Controller
class RulesPage extends Pages {

    private final BusinessRules rules;

    RulesPage(BusinessRules rules) {
        this.rules = rules;
    }

    @GetMapping("/admin/rules")
    String rules(Model model) {
        model.addAttribute("rules", rules);
        return "admin/rules";
    }
}
