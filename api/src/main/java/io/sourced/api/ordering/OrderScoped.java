package io.sourced.api.ordering;

/** An event that concerns one order, whichever aggregate recorded it: what lets a reader follow an order. */
public interface OrderScoped {

    OrderId orderId();
}
