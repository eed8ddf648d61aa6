package io.sourced.app.web.pages;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.CustomerView;
import io.sourced.api.finance.DepositFundsCommand;
import io.sourced.api.finance.WithdrawFundsCommand;
import io.sourced.command.refusal.NotFoundRefusal;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A customer's account: balance, transactions, deposit and withdraw. The owner's, or any for an administrator. */
@Controller
class AccountPages extends Pages {

    private final Views views;
    private final CommandGateway commands;
    private final Formats fmt;

    AccountPages(Views views, CommandGateway commands, Formats fmt) {
        this.views = views;
        this.commands = commands;
        this.fmt = fmt;
    }

    @GetMapping("/account")
    String myAccount(Caller caller) {
        return caller.customerId() == null ? "redirect:/admin/customers" : "redirect:/accounts/" + caller.customerId();
    }

    @GetMapping("/accounts/{customerId}")
    String account(@PathVariable String customerId, Caller caller, Model model) {
        return page(views.visibleCustomer(customerId, caller), new AmountForm(), new AmountForm(), model);
    }

    /** The balance and the transactions alone, which the page refreshes while it is open. */
    @GetMapping("/accounts/{customerId}/ledger")
    String ledger(@PathVariable String customerId, Caller caller, Model model) {
        CustomerView customer = views.visibleCustomer(customerId, caller);
        model.addAttribute("customer", customer);
        model.addAttribute("transactions", newestFirst(views.transactions(customer.customerId())));
        return "account :: ledger";
    }

    @PostMapping("/accounts/{customerId}/deposits")
    String deposit(@PathVariable String customerId, @Valid @ModelAttribute("deposit") AmountForm deposit,
                   BindingResult errors, Caller caller, Model model, RedirectAttributes redirect) {
        CustomerView customer = views.visibleCustomer(customerId, caller);
        if (!errors.hasErrors()) {
            String refused = Refusals.refusalOf(() ->
                    commands.sendAndWait(new DepositFundsCommand(customer.customerId(), deposit.getAmount())));
            if (refused == null) {
                return done(customer, "Deposited " + fmt.money(deposit.getAmount()) + ".", redirect);
            }
            errors.rejectValue("amount", "refused", refused);
        }
        return page(customer, deposit, new AmountForm(), model);
    }

    @PostMapping("/accounts/{customerId}/withdrawals")
    String withdraw(@PathVariable String customerId, @Valid @ModelAttribute("withdrawal") AmountForm withdrawal,
                    BindingResult errors, Caller caller, Model model, RedirectAttributes redirect) {
        CustomerView customer = views.visibleCustomer(customerId, caller);
        if (!errors.hasErrors()) {
            String refused = Refusals.refusalOf(() ->
                    commands.sendAndWait(new WithdrawFundsCommand(customer.customerId(), withdrawal.getAmount())));
            if (refused == null) {
                return done(customer, "Withdrew " + fmt.money(withdrawal.getAmount()) + ".", redirect);
            }
            errors.rejectValue("amount", "refused", refused);
        }
        return page(customer, new AmountForm(), withdrawal, model);
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> list = new ArrayList<>(oldestFirst);
        Collections.reverse(list);
        return list;
    }

    private String done(CustomerView before, String notice, RedirectAttributes redirect) {
        views.awaitChange(() -> views.customer(before.customerId()).orElse(null), before);
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/accounts/" + before.customerId();
    }

    private String page(CustomerView customer, AmountForm deposit, AmountForm withdrawal, Model model) {
        if (customer == null) {
            throw new NotFoundRefusal("no customer");
        }
        model.addAttribute("customer", customer);
        model.addAttribute("transactions", newestFirst(views.transactions(customer.customerId())));
        model.addAttribute("deposit", deposit);
        model.addAttribute("withdrawal", withdrawal);
        return "account";
    }
}
