package io.sourced.ui;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerView;
import io.sourced.api.ordering.OrderPage;
import io.sourced.api.ordering.OrderStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Every order, newest first, filtered by status and customer (ADMIN, by the security configuration). */
@Controller
class BackOfficeOrders extends Pages {

    private final Views views;

    BackOfficeOrders(Views views) {
        this.views = views;
    }

    @GetMapping("/admin/orders")
    String orders(
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) String customer,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        CustomerId customerId =
                customer == null || customer.isBlank() ? null : PageNotFound.parse(customer, CustomerId::of);
        OrderPage orders = views.orders(customerId, status, Math.max(page, 0), OrderPages.PAGE_SIZE);
        Map<CustomerId, CustomerView> customers = new LinkedHashMap<>();
        views.customers().forEach(view -> customers.put(view.customerId(), view));
        model.addAttribute("orders", orders);
        model.addAttribute("customers", customers);
        model.addAttribute("products", views.productsById());
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("customer", customerId == null ? "" : customerId.value());
        model.addAttribute("lastPage", Math.max(0, (int) ((orders.total() - 1) / OrderPages.PAGE_SIZE)));
        return "admin/orders";
    }
}
