package io.sourced.ui;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.CustomerView;
import io.sourced.api.finance.FindAllCustomersQuery;
import io.sourced.api.finance.FindCustomerAsOfQuery;
import io.sourced.api.finance.FindCustomerQuery;
import io.sourced.api.finance.FindTransactionsQuery;
import io.sourced.api.finance.TransactionView;
import io.sourced.api.inventory.FindAllProductsQuery;
import io.sourced.api.inventory.FindProductAsOfQuery;
import io.sourced.api.inventory.FindProductQuery;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductView;
import io.sourced.api.ordering.FindOrderAsOfQuery;
import io.sourced.api.ordering.FindOrderHistoryQuery;
import io.sourced.api.ordering.FindOrderQuery;
import io.sourced.api.ordering.FindOrdersQuery;
import io.sourced.api.ordering.OrderHistoryEntry;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderPage;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.OrderView;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** The queries the pages ask, with the API's visibility rule: a customer sees only their own. */
@Component
class Views {

    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(3);

    private final QueryGateway queries;

    Views(QueryGateway queries) {
        this.queries = queries;
    }

    List<ProductView> products() {
        return queries.query(new FindAllProductsQuery(), ResponseTypes.multipleInstancesOf(ProductView.class))
                .join();
    }

    Map<ProductId, ProductView> productsById() {
        Map<ProductId, ProductView> byId = new LinkedHashMap<>();
        products().forEach(product -> byId.put(product.productId(), product));
        return byId;
    }

    Optional<ProductView> product(ProductId productId) {
        return queries.query(new FindProductQuery(productId), ResponseTypes.optionalInstanceOf(ProductView.class))
                .join();
    }

    /** The product as it was at an instant, folded from the event log; empty before it existed. */
    Optional<ProductView> productAsOf(ProductId productId, Instant asOf) {
        return queries.query(
                        new FindProductAsOfQuery(productId, asOf), ResponseTypes.optionalInstanceOf(ProductView.class))
                .join();
    }

    List<CustomerView> customers() {
        return queries.query(new FindAllCustomersQuery(), ResponseTypes.multipleInstancesOf(CustomerView.class))
                .join();
    }

    Optional<CustomerView> customer(CustomerId customerId) {
        return queries.query(new FindCustomerQuery(customerId), ResponseTypes.optionalInstanceOf(CustomerView.class))
                .join();
    }

    Optional<CustomerView> customerAsOf(CustomerId customerId, Instant asOf) {
        return queries.query(
                        new FindCustomerAsOfQuery(customerId, asOf),
                        ResponseTypes.optionalInstanceOf(CustomerView.class))
                .join();
    }

    /** The customer's account if the caller may see it, else a 404 page. */
    CustomerView visibleCustomer(String customerId, Caller caller) {
        CustomerId id = PageNotFound.parse(customerId, CustomerId::of);
        if (!caller.mayActFor(id)) {
            throw new PageNotFound();
        }
        return customer(id).orElseThrow(PageNotFound::new);
    }

    List<TransactionView> transactions(CustomerId customerId) {
        return queries.query(
                        new FindTransactionsQuery(customerId), ResponseTypes.multipleInstancesOf(TransactionView.class))
                .join();
    }

    Optional<OrderView> order(OrderId orderId) {
        return queries.query(new FindOrderQuery(orderId), ResponseTypes.optionalInstanceOf(OrderView.class))
                .join();
    }

    Optional<OrderView> orderAsOf(OrderId orderId, Instant asOf) {
        return queries.query(new FindOrderAsOfQuery(orderId, asOf), ResponseTypes.optionalInstanceOf(OrderView.class))
                .join();
    }

    /** The order if the caller may see it, else a 404 page. */
    OrderView visibleOrder(String orderId, Caller caller) {
        OrderId id = PageNotFound.parse(orderId, OrderId::of);
        return order(id).filter(order -> caller.mayActFor(order.customerId())).orElseThrow(PageNotFound::new);
    }

    OrderPage orders(CustomerId customerId, OrderStatus status, int page, int size) {
        return queries.query(new FindOrdersQuery(customerId, status, page, size), OrderPage.class)
                .join();
    }

    List<OrderHistoryEntry> history(OrderId orderId) {
        return queries.query(
                        new FindOrderHistoryQuery(orderId), ResponseTypes.multipleInstancesOf(OrderHistoryEntry.class))
                .join();
    }

    /**
     * Views follow the events a moment later: after a command, wait (briefly) until the view shows a
     * change, so the page the user lands on already shows what they just did.
     */
    <T> void awaitChange(Supplier<T> read, T before) {
        long deadline = System.nanoTime() + READ_YOUR_WRITES.toNanos();
        long pause = 10;
        while (System.nanoTime() < deadline && Objects.equals(read.get(), before)) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = Math.min(pause * 2, 200);
        }
    }
}
