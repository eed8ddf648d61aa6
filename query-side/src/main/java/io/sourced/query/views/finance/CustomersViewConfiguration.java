package io.sourced.query.views.finance;

import io.sourced.query.RebuildableView;
import io.sourced.query.ViewsProcessor;
import java.util.List;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CustomersViewConfiguration {

    @Autowired
    void inTheViewsProcessor(EventProcessingConfigurer eventProcessing) {
        ViewsProcessor.assign(eventProcessing, CustomerViewProjector.PROCESSING_GROUP);
    }

    @Bean
    RebuildableView customersViewRebuild() {
        return new RebuildableView(
                CustomerViewProjector.PROCESSING_GROUP,
                List.of("customer_view", "customer_transaction_view"),
                jdbc -> List.of(new CustomerViewProjector(jdbc)));
    }
}
