package io.sourced.ui;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerView;
import io.sourced.api.finance.DepositFundsCommand;
import io.sourced.api.finance.OpenAccountCommand;
import io.sourced.api.finance.SignIn;
import io.sourced.api.idempotency.OperationId;
import io.sourced.api.refusal.Refusal;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Customers with their balances, opening an account (optionally with a sign-in), depositing (ADMIN). */
@Controller
class BackOfficeCustomers extends Pages {

    private final Views views;
    private final CommandGateway commands;
    private final Formats fmt;

    BackOfficeCustomers(Views views, CommandGateway commands, Formats fmt) {
        this.views = views;
        this.commands = commands;
        this.fmt = fmt;
    }

    @GetMapping("/admin/customers")
    String customers(Model model) {
        return page(new CustomerForm(), null, model);
    }

    @GetMapping("/admin/customers/live")
    @ResponseBody
    Map<String, String> live() {
        Map<String, String> values = new LinkedHashMap<>();
        views.customers()
                .forEach(customer -> values.put("balance:" + customer.customerId(), fmt.money(customer.balance())));
        return values;
    }

    @PostMapping("/admin/customers")
    String open(
            @Valid @ModelAttribute("customerForm") CustomerForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(form, null, model);
        }
        CustomerId customerId = CustomerId.random();
        SignIn signIn = form.wantsSignIn() ? new SignIn(form.getUsername().strip(), form.getPassword()) : null;
        Optional<Refusal> refused = Refusals.refused(() -> commands.sendAndWait(
                new OpenAccountCommand(customerId, form.getName().strip(), form.getInitialDeposit(), signIn)));
        if (refused.isPresent()) {
            if ("username".equals(refused.get().field()) && refused.get().is(Refusal.Kind.CONFLICT)) {
                errors.rejectValue("username", "taken", "is taken: choose another");
            } else {
                errors.reject("refused", Refusals.sentence(refused.get().detail()));
            }
            return page(form, null, model);
        }
        views.awaitChange(() -> views.customer(customerId).isPresent(), false);
        redirect.addFlashAttribute(
                "notice", "Opened the account of " + form.getName().strip() + ".");
        return "redirect:/admin/customers";
    }

    @PostMapping("/admin/customers/{customerId}/deposits")
    String deposit(
            @PathVariable String customerId,
            @Valid @ModelAttribute("deposit") AmountForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        CustomerView customer =
                views.customer(PageNotFound.parse(customerId, CustomerId::of)).orElseThrow(PageNotFound::new);
        String refused = errors.hasErrors()
                ? amountMessage(errors)
                : Refusals.refusalOf(() -> commands.sendAndWait(
                        new DepositFundsCommand(customer.customerId(), form.getAmount(), OperationId.random())));
        if (refused != null) {
            Object typed = errors.getFieldValue("amount");
            return page(
                    new CustomerForm(),
                    new BackOfficeProducts.RowProblem(customerId, typed == null ? "" : typed.toString(), refused),
                    model);
        }
        views.awaitChange(() -> views.customer(customer.customerId()).orElse(null), customer);
        redirect.addFlashAttribute(
                "notice", "Deposited " + fmt.money(form.getAmount()) + " for " + customer.name() + ".");
        return "redirect:/admin/customers";
    }

    private static String amountMessage(BindingResult errors) {
        var error = errors.getFieldError("amount");
        return error != null && error.isBindingFailure()
                ? "must be an amount, like 12.50"
                : BackOfficeProducts.message(error);
    }

    private String page(CustomerForm form, BackOfficeProducts.RowProblem depositProblem, Model model) {
        model.addAttribute("customers", views.customers());
        model.addAttribute("customerForm", form);
        model.addAttribute("depositProblem", depositProblem);
        return "admin/customers";
    }
}
