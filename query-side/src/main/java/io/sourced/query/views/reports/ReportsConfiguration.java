package io.sourced.query.views.reports;

import io.sourced.query.RebuildableView;
import java.util.List;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reports group (sales and tier revenue) counts every event, in log order: an event a handler cannot apply yet —
 * a bug, or the CRM down — stops the processor, which retries it with back-off (never logged and skipped, never
 * parked: a parked event would leave the reports silently wrong), and the whole log is one sequence, since a
 * product's day row takes the stock of the product's events and the units of the orders' events alike.
 */
@Configuration(proxyBeanMethods = false)
class ReportsConfiguration {

    @Autowired
    void countEveryEventInLogOrder(EventProcessingConfigurer eventProcessing) {
        eventProcessing.registerListenerInvocationErrorHandler(
                SalesReportProjector.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
        eventProcessing.registerSequencingPolicy(
                SalesReportProjector.PROCESSING_GROUP, configuration -> new SequentialPolicy());
    }

    @Bean
    RebuildableView reportsRebuild(TierRevenueProjector tierRevenue) {
        return new RebuildableView(
                SalesReportProjector.PROCESSING_GROUP,
                List.of(
                        "product_day_report",
                        "report_product",
                        "report_reservation",
                        "day_report",
                        "order_timing_report",
                        "tier_revenue_report",
                        "report_order_tier"),
                jdbc -> List.of(new SalesReportProjector(jdbc), tierRevenue.reportingTo(jdbc)));
    }
}
