package io.sourced.query.views.inventory;

import io.sourced.api.inventory.FindAllProductsQuery;
import io.sourced.api.inventory.FindProductAsOfQuery;
import io.sourced.api.inventory.FindProductQuery;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
        return queryGateway
                .query(new FindAllProductsQuery(), ResponseTypes.multipleInstancesOf(ProductView.class))
                .join();
    }

    @Operation(
            summary =
                    "One product with its stock, now or as of an instant; 404 when unknown (or not yet registered then)")
    @GetMapping("/{productId}")
    ProductView product(
            @PathVariable String productId,
            @Parameter(description = "The state at this instant (ISO-8601), computed from the event log")
                    @RequestParam(required = false)
                    Instant asOf) {
        ProductId id;
        try {
            id = ProductId.of(productId);
        } catch (IllegalArgumentException e) {
            throw noProduct(productId);
        }
        var found = asOf == null
                ? queryGateway.query(new FindProductQuery(id), ResponseTypes.optionalInstanceOf(ProductView.class))
                : queryGateway.query(
                        new FindProductAsOfQuery(id, asOf), ResponseTypes.optionalInstanceOf(ProductView.class));
        return found.join().orElseThrow(() -> noProduct(productId));
    }

    private static ResponseStatusException noProduct(String productId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No product " + productId);
    }
}
