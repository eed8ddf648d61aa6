package io.sourced.ui;

import io.sourced.api.caller.Caller;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductView;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.PlaceOrderCommand;
import io.sourced.api.refusal.Refusal;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Products with their live availability, and the form that orders several of them at once. */
@Controller
class ShopPage extends Pages {

    private final Views views;
    private final CommandGateway commands;
    private final Formats fmt;

    ShopPage(Views views, CommandGateway commands, Formats fmt) {
        this.views = views;
        this.commands = commands;
        this.fmt = fmt;
    }

    /**
     * One form row per product, up to as many lines as an order holds: a row beyond is refused as the request's fault
     * before anything is made for it.
     */
    @InitBinder("orderForm")
    void rowsForEveryProduct(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(OrderLine.MAX_PER_ORDER);
    }

    @GetMapping("/shop")
    String shop(Caller caller, Model model) {
        OrderForm form = new OrderForm();
        List<ProductView> products = views.products();
        products.forEach(product ->
                form.getLines().add(new OrderForm.Line(product.productId().value(), 0)));
        return page(caller, form, model);
    }

    @PostMapping("/shop/orders")
    String place(
            @Valid @ModelAttribute("orderForm") OrderForm form,
            BindingResult errors,
            Caller caller,
            Model model,
            RedirectAttributes redirect) {
        if (caller.customerId() == null) {
            throw new PageNotFound();
        }
        if (!errors.hasErrors() && !form.ordersSomething()) {
            errors.reject("nothing", "Choose a quantity of at least 1 for one product or more.");
        }
        if (errors.hasErrors()) {
            return page(caller, form, model);
        }
        List<OrderLine> lines = form.getLines().stream()
                .filter(line -> line.getQuantity() != null && line.getQuantity() > 0)
                .map(line -> new OrderLine(PageNotFound.parse(line.getProductId(), ProductId::of), line.getQuantity()))
                .toList();
        if (!OrderId.isIdempotencyKey(form.getToken())) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "The form's token " + OrderId.IDEMPOTENCY_KEY_RULE);
        }
        OrderId orderId = OrderId.forIdempotencyKey(caller.username(), form.getToken());
        Optional<Refusal> refused = Refusals.refused(
                () -> commands.sendAndWait(new PlaceOrderCommand(orderId, caller.customerId(), lines)));
        if (refused.isPresent()) {
            errors.reject("refused", refusedInWords(refused.get()));
            return page(caller, form, model);
        }
        OrderId placed = orderId;
        views.awaitChange(() -> views.order(placed).isPresent(), false);
        redirect.addFlashAttribute("notice", "Your order is placed. It completes in a moment; this page follows it.");
        return "redirect:/orders/" + placed;
    }

    private static String refusedInWords(Refusal refusal) {
        if (refusal.is(Refusal.Kind.BUSY)) {
            return "The shop is very busy right now and did not take this order. Try again in a moment: your choice"
                    + " is kept below.";
        }
        return "This order could not be placed: " + Refusals.sentence(refusal.detail())
                + " Reload the shop and try again.";
    }

    /** The values of the shop that change on their own: availability, and the customer's balance. */
    @GetMapping("/shop/live")
    @ResponseBody
    Map<String, String> live(Caller caller) {
        Map<String, String> values = new LinkedHashMap<>();
        views.products()
                .forEach(
                        product -> values.put("available:" + product.productId(), String.valueOf(product.available())));
        if (caller.customerId() != null) {
            views.customer(caller.customerId())
                    .ifPresent(customer -> values.put("balance", fmt.money(customer.balance())));
        }
        return values;
    }

    private String page(Caller caller, OrderForm form, Model model) {
        Map<String, ProductView> products = new LinkedHashMap<>();
        views.products().forEach(product -> products.put(product.productId().value(), product));
        model.addAttribute("orderForm", form);
        model.addAttribute("products", products);
        model.addAttribute("canOrder", caller.customerId() != null);
        if (caller.customerId() != null) {
            views.customer(caller.customerId()).ifPresent(customer -> model.addAttribute("customer", customer));
        }
        return "shop";
    }
}
