package io.sourced.query.views.inventory;

import io.sourced.query.RebuildableView;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProductsViewConfiguration {

    @Bean
    RebuildableView productsViewRebuild() {
        return new RebuildableView(
                ProductViewProjector.PROCESSING_GROUP,
                List.of("product_view"),
                jdbc -> List.of(new ProductViewProjector(jdbc)));
    }
}
