package io.sourced.query.views.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.inventory.FindAllProductsQuery;
import io.sourced.api.inventory.FindProductQuery;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ProductRegisteredEvent;
import io.sourced.api.inventory.ProductView;
import io.sourced.query.Deliver;
import io.sourced.query.LocalQueries;
import io.sourced.query.ViewDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class ProductViewQueriesTest {

    private ProductViewProjector projector;

    private Deliver deliver;
    private QueryGateway gateway;

    @BeforeEach
    void setUp() {
        JdbcTemplate jdbc = ViewDatabase.migrated();
        projector = new ProductViewProjector(jdbc);
        deliver = Deliver.to(projector);
        gateway = new LocalQueries().register(new ProductViewQueries(jdbc)).gateway();
    }

    @Test
    void findProduct_known_answersIt() {
        ProductId pears = register("Pears");

        Optional<ProductView> found = gateway.query(
                        new FindProductQuery(pears), ResponseTypes.optionalInstanceOf(ProductView.class))
                .join();

        assertThat(found).map(ProductView::name).contains("Pears");
    }

    @Test
    void findProduct_unknown_answersEmpty() {
        Optional<ProductView> found = gateway.query(
                        new FindProductQuery(ProductId.random()), ResponseTypes.optionalInstanceOf(ProductView.class))
                .join();

        assertThat(found).isEmpty();
    }

    @Test
    void findAllProducts_answersThemByName() {
        register("Pears");
        register("Apples");
        register("Cherries");

        List<ProductView> all = gateway.query(
                        new FindAllProductsQuery(), ResponseTypes.multipleInstancesOf(ProductView.class))
                .join();

        assertThat(all).extracting(ProductView::name).containsExactly("Apples", "Cherries", "Pears");
    }

    private ProductId register(String name) {
        ProductId productId = ProductId.random();
        deliver.on(new ProductRegisteredEvent(productId, name, new BigDecimal("2.50"), 3));
        return productId;
    }
}
