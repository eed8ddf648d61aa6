package io.sourced.ui;

import io.sourced.api.idempotency.OperationId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductView;
import io.sourced.api.inventory.RegisterProductCommand;
import io.sourced.api.inventory.RestockProductCommand;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Products with available / reserved / sold, registering one, restocking each (ADMIN). */
@Controller
class BackOfficeProducts extends Pages {

    /** A restock form of one row that was refused: which row, what was typed, and why. */
    record RowProblem(String id, String value, String message) {}

    private final Views views;
    private final CommandGateway commands;

    BackOfficeProducts(Views views, CommandGateway commands) {
        this.views = views;
        this.commands = commands;
    }

    @GetMapping("/admin/products")
    String products(Model model) {
        return page(new ProductForm(), null, model);
    }

    @GetMapping("/admin/products/live")
    @ResponseBody
    Map<String, String> live() {
        Map<String, String> values = new LinkedHashMap<>();
        views.products().forEach(product -> {
            values.put("available:" + product.productId(), String.valueOf(product.available()));
            values.put("reserved:" + product.productId(), String.valueOf(product.reserved()));
            values.put("sold:" + product.productId(), String.valueOf(product.sold()));
        });
        return values;
    }

    @PostMapping("/admin/products")
    String register(
            @Valid @ModelAttribute("productForm") ProductForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(form, null, model);
        }
        ProductId productId = ProductId.random();
        String refused = Refusals.refusalOf(() -> commands.sendAndWait(
                new RegisterProductCommand(productId, form.getName().strip(), form.getPrice(), form.getStock())));
        if (refused != null) {
            errors.reject("refused", refused);
            return page(form, null, model);
        }
        views.awaitChange(() -> views.product(productId).isPresent(), false);
        redirect.addFlashAttribute("notice", "Registered " + form.getName().strip() + ".");
        return "redirect:/admin/products";
    }

    @PostMapping("/admin/products/{productId}/restock")
    String restock(
            @PathVariable String productId,
            @Valid @ModelAttribute("restock") QuantityForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        ProductView product =
                views.product(PageNotFound.parse(productId, ProductId::of)).orElseThrow(PageNotFound::new);
        String refused = errors.hasErrors()
                ? message(errors.getFieldError("quantity"))
                : Refusals.refusalOf(() -> commands.sendAndWait(
                        new RestockProductCommand(product.productId(), form.getQuantity(), OperationId.random())));
        if (refused != null) {
            Object typed = errors.getFieldValue("quantity");
            return page(
                    new ProductForm(),
                    new RowProblem(productId, typed == null ? "" : typed.toString(), refused),
                    model);
        }
        views.awaitChange(() -> views.product(product.productId()).orElse(null), product);
        redirect.addFlashAttribute("notice", "Restocked " + product.name() + " with " + form.getQuantity() + ".");
        return "redirect:/admin/products";
    }

    private String page(ProductForm form, RowProblem restockProblem, Model model) {
        model.addAttribute("products", views.products());
        model.addAttribute("productForm", form);
        model.addAttribute("restockProblem", restockProblem);
        return "admin/products";
    }

    static String message(FieldError error) {
        if (error == null) {
            return "is invalid";
        }
        if (error.isBindingFailure()) {
            return "must be a whole number";
        }
        return error.getDefaultMessage();
    }
}
