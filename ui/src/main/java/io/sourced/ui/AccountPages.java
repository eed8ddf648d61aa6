package io.sourced.ui;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.CustomerView;
import io.sourced.api.finance.DepositFundsCommand;
import io.sourced.api.finance.ReverseDepositCommand;
import io.sourced.api.finance.TransactionType;
import io.sourced.api.finance.TransactionView;
import io.sourced.api.finance.WithdrawFundsCommand;
import io.sourced.api.idempotency.OperationId;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A customer's account: balance, transactions, deposit and withdraw, its audit trail and states; now or as it was
 * at an instant. The owner's, or any for an administrator, who may also reverse a deposit.
 */
@Controller
class AccountPages extends Pages {

    private final Views views;
    private final CommandGateway commands;
    private final Formats fmt;
    private final EventTrails trails;
    private final StateTimeline states;

    AccountPages(Views views, CommandGateway commands, Formats fmt, EventTrails trails, StateTimeline states) {
        this.views = views;
        this.commands = commands;
        this.fmt = fmt;
        this.trails = trails;
        this.states = states;
    }

    @GetMapping("/account")
    String myAccount(Caller caller) {
        return caller.customerId() == null ? "redirect:/admin/customers" : "redirect:/accounts/" + caller.customerId();
    }

    @GetMapping("/accounts/{customerId}")
    String account(
            @PathVariable String customerId,
            @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime asOfLocal,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Long version,
            Caller caller,
            Model model) {
        CustomerView now = views.visibleCustomer(customerId, caller);
        Instant at = AsOf.of(asOf, asOfLocal);
        if (at == null) {
            return page(now, new AmountForm(), new AmountForm(), new ReversalForm(), model, before, version);
        }
        CustomerView then = views.customerAsOf(now.customerId(), at)
                .orElseThrow(() -> new DidNotExistYet("This account", at, "/accounts/" + now.customerId()));
        model.addAttribute("customer", then);
        model.addAttribute("asOf", at);
        model.addAttribute(
                "transactions",
                newestFirst(views.transactions(then.customerId()).stream()
                        .filter(transaction -> !transaction.at().isAfter(at))
                        .toList()));
        trails.showAuditTrail(model, then.customerId(), at, before);
        return "account";
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
    String deposit(
            @PathVariable String customerId,
            @Valid @ModelAttribute("deposit") AmountForm deposit,
            BindingResult errors,
            Caller caller,
            Model model,
            RedirectAttributes redirect) {
        CustomerView customer = views.visibleCustomer(customerId, caller);
        if (!errors.hasErrors()) {
            String refused = Refusals.refusalOf(() -> commands.sendAndWait(
                    new DepositFundsCommand(customer.customerId(), deposit.getAmount(), OperationId.random())));
            if (refused == null) {
                return done(customer, "Deposited " + fmt.money(deposit.getAmount()) + ".", redirect);
            }
            errors.rejectValue("amount", "refused", refused);
        }
        return page(customer, deposit, new AmountForm(), new ReversalForm(), model, null, null);
    }

    @PostMapping("/accounts/{customerId}/withdrawals")
    String withdraw(
            @PathVariable String customerId,
            @Valid @ModelAttribute("withdrawal") AmountForm withdrawal,
            BindingResult errors,
            Caller caller,
            Model model,
            RedirectAttributes redirect) {
        CustomerView customer = views.visibleCustomer(customerId, caller);
        if (!errors.hasErrors()) {
            String refused = Refusals.refusalOf(() -> commands.sendAndWait(
                    new WithdrawFundsCommand(customer.customerId(), withdrawal.getAmount(), OperationId.random())));
            if (refused == null) {
                return done(customer, "Withdrew " + fmt.money(withdrawal.getAmount()) + ".", redirect);
            }
            errors.rejectValue("amount", "refused", refused);
        }
        return page(customer, new AmountForm(), withdrawal, new ReversalForm(), model, null, null);
    }

    /** ADMIN only, as every page under {@code /admin}; answered on the account's page. */
    @PostMapping("/admin/customers/{customerId}/reversals")
    String reverseDeposit(
            @PathVariable String customerId,
            @Valid @ModelAttribute("reversal") ReversalForm reversal,
            BindingResult errors,
            Caller caller,
            Model model,
            RedirectAttributes redirect) {
        CustomerView customer = views.visibleCustomer(customerId, caller);
        TransactionView deposit = reversibleDeposits(customer).stream()
                .filter(entry -> entry.transactionId().value().equals(reversal.getTransactionId()))
                .findFirst()
                .orElse(null);
        if (deposit == null && !errors.hasFieldErrors("transactionId")) {
            errors.rejectValue("transactionId", "unknown", "is not a deposit that can be reversed");
        }
        if (!errors.hasErrors()) {
            String refused = Refusals.refusalOf(() -> commands.sendAndWait(
                    new ReverseDepositCommand(customer.customerId(), deposit.transactionId(), reversal.getReason())));
            if (refused == null) {
                return done(
                        customer,
                        "Reversed the deposit of " + fmt.money(deposit.amount()) + ": "
                                + reversal.getReason().strip(),
                        redirect);
            }
            errors.rejectValue("transactionId", "refused", refused);
        }
        return page(customer, new AmountForm(), new AmountForm(), reversal, model, null, null);
    }

    /** The deposits not reversed yet, newest first: what the reversal form offers. */
    private List<TransactionView> reversibleDeposits(CustomerView customer) {
        return newestFirst(views.transactions(customer.customerId()).stream()
                .filter(entry ->
                        entry.type() == TransactionType.DEPOSIT && entry.transactionId() != null && !entry.reversed())
                .toList());
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

    private String page(
            CustomerView customer,
            AmountForm deposit,
            AmountForm withdrawal,
            ReversalForm reversal,
            Model model,
            Long trailBefore,
            Long version) {
        if (customer == null) {
            throw new PageNotFound();
        }
        model.addAttribute("customer", customer);
        model.addAttribute("transactions", newestFirst(views.transactions(customer.customerId())));
        model.addAttribute("deposit", deposit);
        model.addAttribute("withdrawal", withdrawal);
        model.addAttribute("reversal", reversal);
        model.addAttribute("reversibleDeposits", reversibleDeposits(customer));
        trails.showAuditTrail(model, customer.customerId(), null, trailBefore);
        states.show(model, customer.customerId(), version);
        return "account";
    }
}
