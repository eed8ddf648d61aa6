package io.sourced.app.web.pages;

import io.sourced.api.caller.Caller;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductView;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.PlaceOrderCommand;
import io.sourced.command.refusal.InvalidRefusal;
import io.sourced.command.refusal.NotFoundRefusal;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    /** One form row per product, however many products there are. */
    @InitBinder("orderForm")
    void rowsForEveryProduct(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(100_000);
    }

    @GetMapping("/shop")
    String shop(Caller caller, Model model) {
        OrderForm form = new OrderForm();
        List<ProductView> products = views.products();
        products.forEach(product -> form.getLines().add(new OrderForm.Line(product.productId().value(), 0)));
        return page(caller, form, model);
    }

    @PostMapping("/shop/orders")
    String place(@Valid @ModelAttribute("orderForm") OrderForm form, BindingResult errors, Caller caller,
                 Model model, RedirectAttributes redirect) {
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
        PlaceOrderCommand command = new PlaceOrderCommand(orderIdFor(caller, form.getToken()), caller.customerId(), lines);
        OrderId placed;
        try {
            placed = place(command);
        } catch (NotFoundRefusal | InvalidRefusal refused) {
            errors.reject("refused", "This order could not be placed: " + refused.getMessage()
                    + ". Reload the shop and try again.");
            return page(caller, form, model);
        }
        views.awaitChange(() -> views.order(placed).isPresent(), false);
        redirect.addFlashAttribute("notice", "Your order is placed. It completes in a moment; this page follows it.");
        return "redirect:/orders/" + placed;
    }

    /** The values of the shop that change on their own: availability, and the customer's balance. */
    @GetMapping("/shop/live")
    @ResponseBody
    Map<String, String> live(Caller caller) {
        Map<String, String> values = new LinkedHashMap<>();
        views.products().forEach(product -> values.put("available:" + product.productId(),
                String.valueOf(product.available())));
        if (caller.customerId() != null) {
            views.customer(caller.customerId()).ifPresent(customer -> values.put("balance", fmt.money(customer.balance())));
        }
        return values;
    }

    private OrderId place(PlaceOrderCommand command) {
        try {
            return commands.sendAndWait(command);
        } catch (AggregateStreamCreationException | ConcurrencyException raced) {
            // the same form submitted twice at once: the other request placed it, and now answers
            return commands.sendAndWait(command);
        }
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

    /** As the REST API derives it from an Idempotency-Key: the same user and token name the same order. */
    static OrderId orderIdFor(Caller caller, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return OrderId.random();
        }
        return OrderId.of(UUID.nameUUIDFromBytes((caller.username() + "\n" + token)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }
}
