package io.sourced.ui;

import io.sourced.api.idempotency.OperationId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductView;
import io.sourced.api.inventory.RestockProductCommand;
import io.sourced.api.inventory.WriteOffStockCommand;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDateTime;
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
 * One product (ADMIN): available / reserved / sold, restocking it, writing stock off, its audit trail and states; now or as it was at an
 * instant.
 */
@Controller
class BackOfficeProductPage extends Pages {

    private final Views views;
    private final CommandGateway commands;
    private final EventTrails trails;
    private final StateTimeline states;

    BackOfficeProductPage(Views views, CommandGateway commands, EventTrails trails, StateTimeline states) {
        this.views = views;
        this.commands = commands;
        this.trails = trails;
        this.states = states;
    }

    @GetMapping("/admin/products/{productId}")
    String product(
            @PathVariable String productId,
            @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime asOfLocal,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) Long version,
            Model model) {
        ProductView now =
                views.product(PageNotFound.parse(productId, ProductId::of)).orElseThrow(PageNotFound::new);
        Instant at = AsOf.of(asOf, asOfLocal);
        if (at == null) {
            return page(now, new QuantityForm(), new WriteOffForm(), model, before, version);
        }
        ProductView then = views.productAsOf(now.productId(), at)
                .orElseThrow(() -> new DidNotExistYet("This product", at, "/admin/products/" + now.productId()));
        model.addAttribute("product", then);
        model.addAttribute("asOf", at);
        trails.showAuditTrail(model, then.productId(), at, before);
        return "admin/product";
    }

    /** The product page's own restock form (the list's has no {@code from}): answers on this page. */
    @PostMapping(path = "/admin/products/{productId}/restock", params = "from=product")
    String restock(
            @PathVariable String productId,
            @Valid @ModelAttribute("restock") QuantityForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        ProductView product =
                views.product(PageNotFound.parse(productId, ProductId::of)).orElseThrow(PageNotFound::new);
        if (!errors.hasErrors()) {
            String refused = Refusals.refusalOf(() -> commands.sendAndWait(
                    new RestockProductCommand(product.productId(), form.getQuantity(), OperationId.random())));
            if (refused == null) {
                views.awaitChange(() -> views.product(product.productId()).orElse(null), product);
                redirect.addFlashAttribute(
                        "notice", "Restocked " + product.name() + " with " + form.getQuantity() + ".");
                return "redirect:/admin/products/" + product.productId();
            }
            errors.rejectValue("quantity", "refused", refused);
        }
        return page(product, form, new WriteOffForm(), model, null, null);
    }

    @PostMapping("/admin/products/{productId}/write-offs")
    String writeOff(
            @PathVariable String productId,
            @Valid @ModelAttribute("writeOff") WriteOffForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        ProductView product =
                views.product(PageNotFound.parse(productId, ProductId::of)).orElseThrow(PageNotFound::new);
        if (!errors.hasErrors()) {
            String refused = Refusals.refusalOf(() -> commands.sendAndWait(new WriteOffStockCommand(
                    product.productId(), form.getQuantity(), form.getReason(), OperationId.random())));
            if (refused == null) {
                views.awaitChange(() -> views.product(product.productId()).orElse(null), product);
                redirect.addFlashAttribute(
                        "notice",
                        "Wrote off " + form.getQuantity() + " of " + product.name() + ": " + form.getReason());
                return "redirect:/admin/products/" + product.productId();
            }
            errors.rejectValue("quantity", "refused", refused);
        }
        return page(product, new QuantityForm(), form, model, null, null);
    }

    private String page(
            ProductView product,
            QuantityForm restock,
            WriteOffForm writeOff,
            Model model,
            Long trailBefore,
            Long version) {
        states.show(model, product.productId(), version);
        model.addAttribute("product", product);
        model.addAttribute("restock", restock);
        model.addAttribute("writeOff", writeOff);
        trails.showAuditTrail(model, product.productId(), null, trailBefore);
        return "admin/product";
    }
}
