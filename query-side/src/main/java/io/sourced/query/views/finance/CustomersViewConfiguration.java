package io.sourced.query.views.finance;

import io.sourced.query.RebuildableView;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CustomersViewConfiguration {

    @Bean
    RebuildableView customersViewRebuild() {
        return new RebuildableView(
                CustomerViewProjector.PROCESSING_GROUP,
                List.of("customer_view", "customer_transaction_view"),
                jdbc -> List.of(new CustomerViewProjector(jdbc)));
    }
}
