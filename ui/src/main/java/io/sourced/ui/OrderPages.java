package io.sourced.ui;

import io.sourced.api.caller.Caller;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.CancelOrderCommand;
import io.sourced.api.ordering.OrderHistoryEntry;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPage;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.OrderView;
import io.sourced.api.ordering.RequestReturnCommand;
import io.sourced.api.ordering.ReturnId;
import io.sourced.api.refusal.Refusal;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * A customer's orders, and any order's detail with its history, returns, trace and states (its owner's or an
 * administrator's), now or as it was at an instant; cancelling a pending order and returning an accepted one's units.
 */
@Controller
class OrderPages extends Pages {

    private static final Logger log = LoggerFactory.getLogger(OrderPages.class);
    static final int PAGE_SIZE = 20;

    private final Views views;
    private final CommandGateway commands;
    private final EventTrails trails;
    private final StateTimeline states;

    OrderPages(Views views, CommandGateway commands, EventTrails trails, StateTimeline states) {
        this.views = views;
        this.commands = commands;
        this.trails = trails;
        this.states = states;
    }

    @GetMapping("/orders")
    String myOrders(@RequestParam(defaultValue = "0") int page, Caller caller, Model model) {
        if (caller.customerId() == null) {
            return "redirect:/admin/orders";
        }
        OrderPage orders = views.orders(caller.customerId(), null, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("orders", orders);
        model.addAttribute("products", views.productsById());
        return "orders/list";
    }

    @GetMapping("/orders/{orderId}")
    String order(
            @PathVariable String orderId,
            @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime asOfLocal,
            @RequestParam(required = false) Long version,
            Caller caller,
            Model model) {
        OrderView now = views.visibleOrder(orderId, caller);
        Instant at = AsOf.of(asOf, asOfLocal);
        if (at == null) {
            return page(now, new ReturnForm(), caller, version, model);
        }
        OrderView order = views.orderAsOf(now.orderId(), at)
                .orElseThrow(() -> new DidNotExistYet("This order", at, "/orders/" + now.orderId()));
        model.addAttribute("asOf", at);
        shown(order, caller, model);
        story(order, at, model);
        return "orders/detail";
    }

    /**
     * Asks a return of the units entered, with the reason; shown with the order once it recorded the return, whose
     * workflow the page then follows live. A refusal is shown beside the field it concerns.
     */
    @PostMapping("/orders/{orderId}/returns")
    String requestReturn(
            @PathVariable String orderId,
            @Valid @ModelAttribute("returnForm") ReturnForm form,
            BindingResult errors,
            Caller caller,
            Model model,
            RedirectAttributes redirect) {
        OrderView order = views.visibleOrder(orderId, caller);
        List<OrderLine> lines = new ArrayList<>();
        form.getUnits().forEach((productId, units) -> {
            if (units != null && units < 0) {
                errors.rejectValue("units", "negative", "Units to return must not be negative.");
            } else if (units != null && units > 0) {
                lines.add(new OrderLine(PageNotFound.parse(productId, ProductId::of), units));
            }
        });
        if (lines.isEmpty() && !errors.hasFieldErrors("units")) {
            errors.rejectValue("units", "none", "Name at least one unit to return.");
        }
        if (!errors.hasErrors()) {
            Optional<Refusal> refused = Refusals.refused(() -> commands.sendAndWait(new RequestReturnCommand(
                    order.orderId(),
                    ReturnId.random(),
                    lines,
                    form.getReason(),
                    caller.isAdmin() ? null : caller.customerId())));
            if (refused.isEmpty()) {
                views.awaitChange(
                        () -> views.order(order.orderId())
                                .map(OrderView::returns)
                                .orElse(null),
                        order.returns());
                redirect.addFlashAttribute(
                        "notice",
                        "Return asked for "
                                + lines.stream().mapToInt(OrderLine::quantity).sum()
                                + " unit(s): the refund follows once they are back in stock.");
                return "redirect:/orders/" + order.orderId();
            }
            if (refused.get().is(Refusal.Kind.NOT_FOUND)) {
                throw new PageNotFound();
            }
            boolean aboutTheReason = "reason".equals(refused.get().field());
            String why = Refusals.sentence(refused.get().detail());
            // the reason's message follows the field's label, as its own checks' do
            errors.rejectValue(
                    aboutTheReason ? "reason" : "units",
                    "refused",
                    aboutTheReason ? refused.get().reason() : why);
        }
        return page(order, form, caller, null, model);
    }

    private String page(OrderView order, ReturnForm returnForm, Caller caller, Long version, Model model) {
        shown(order, caller, model);
        model.addAttribute("returnForm", returnForm);
        story(order, null, model);
        states.show(model, order.orderId(), version);
        return "orders/detail";
    }

    private void shown(OrderView order, Caller caller, Model model) {
        model.addAttribute("order", order);
        model.addAttribute("products", views.productsById());
        if (caller.isAdmin()) {
            views.customer(order.customerId()).ifPresent(customer -> model.addAttribute("customer", customer));
        }
    }

    /** The history and the trace alone, which the detail page reloads each time the order changes. */
    @GetMapping("/orders/{orderId}/history")
    String history(@PathVariable String orderId, Caller caller, Model model) {
        OrderView order = views.visibleOrder(orderId, caller);
        model.addAttribute("order", order);
        model.addAttribute("products", views.productsById());
        story(order, null, model);
        return "orders/detail :: story";
    }

    @PostMapping("/orders/{orderId}/cancel")
    String cancel(@PathVariable String orderId, Caller caller, RedirectAttributes redirect) {
        OrderView order = views.visibleOrder(orderId, caller);
        Optional<Refusal> refused = Refusals.refused(() -> commands.sendAndWait(
                new CancelOrderCommand(order.orderId(), caller.isAdmin() ? null : caller.customerId())));
        if (refused.isEmpty()) {
            views.awaitChange(
                    () -> views.order(order.orderId()).map(OrderView::status).orElse(null), OrderStatus.PENDING);
            redirect.addFlashAttribute("notice", "The order is cancelled.");
        } else if (refused.get().is(Refusal.Kind.CONFLICT)) {
            redirect.addFlashAttribute("problem", "This order can no longer be cancelled: it is already complete.");
        } else {
            throw new PageNotFound();
        }
        return "redirect:/orders/" + order.orderId();
    }

    private void story(OrderView order, Instant until, Model model) {
        try {
            List<OrderHistoryEntry> history = views.history(order.orderId()).stream()
                    .filter(entry -> until == null || !entry.at().isAfter(until))
                    .toList();
            model.addAttribute("history", history);
        } catch (RuntimeException e) {
            log.warn("Order history unavailable for {}: {}", order.orderId(), e.toString());
            model.addAttribute("history", null);
        }
        model.addAttribute("trace", trails.trace(order.orderId(), until));
    }
}
