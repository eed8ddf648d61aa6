package io.sourced.query.inventory;

import io.sourced.api.inventory.FindAllProductsQuery;
import io.sourced.api.inventory.FindProductQuery;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/products")
@Tag(name = "Products")
class ProductQueryController {

    private final QueryGateway queryGateway;

    ProductQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @Operation(summary = "Every product with its stock, by name")
    @GetMapping
    List<ProductView> products() {
        return queryGateway.query(new FindAllProductsQuery(), ResponseTypes.multipleInstancesOf(ProductView.class))
                .join();
    }

    @Operation(summary = "One product with its stock; 404 when unknown")
    @GetMapping("/{productId}")
    ProductView product(@PathVariable String productId) {
        ProductId id;
        try {
            id = ProductId.of(productId);
        } catch (IllegalArgumentException e) {
            throw noProduct(productId);
        }
        return queryGateway.query(new FindProductQuery(id), ResponseTypes.optionalInstanceOf(ProductView.class))
                .join()
                .orElseThrow(() -> noProduct(productId));
    }

    private static ResponseStatusException noProduct(String productId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No product " + productId);
    }
}
