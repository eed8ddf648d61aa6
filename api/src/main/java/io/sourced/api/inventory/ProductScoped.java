package io.sourced.api.inventory;

/** An event that concerns one product: what lets a reader follow a product. */
public interface ProductScoped {

    ProductId productId();
}
