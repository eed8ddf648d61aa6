package io.sourced.query.views.inventory;

import io.sourced.query.RebuildableView;
import io.sourced.query.ViewsProcessor;
import java.util.List;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProductsViewConfiguration {

    @Autowired
    void inTheViewsProcessor(EventProcessingConfigurer eventProcessing) {
        ViewsProcessor.assign(eventProcessing, ProductViewProjector.PROCESSING_GROUP);
    }

    @Bean
    RebuildableView productsViewRebuild() {
        return new RebuildableView(
                ProductViewProjector.PROCESSING_GROUP,
                List.of("product_view"),
                jdbc -> List.of(new ProductViewProjector(jdbc)));
    }
}
