package io.sourced.ui;

import io.sourced.api.reports.DayReport;
import io.sourced.api.reports.ProductDayReport;
import java.math.BigDecimal;
import java.util.List;

/** The headline figures of a period: sums of the day rows. */
record ReportTotals(
        BigDecimal revenue, int unitsSold, int unitsLost, int placed, int accepted, int rejected, int cancelled) {

    static ReportTotals of(List<ProductDayReport> products, List<DayReport> days) {
        return new ReportTotals(
                products.stream().map(ProductDayReport::revenue).reduce(BigDecimal.ZERO, BigDecimal::add),
                products.stream().mapToInt(ProductDayReport::unitsSold).sum(),
                products.stream().mapToInt(ProductDayReport::unitsLost).sum(),
                days.stream().mapToInt(DayReport::placed).sum(),
                days.stream().mapToInt(DayReport::accepted).sum(),
                days.stream()
                        .mapToInt(
                                day -> day.rejectedOutOfStock() + day.rejectedPaymentDeclined() + day.rejectedTimeout())
                        .sum(),
                days.stream().mapToInt(DayReport::cancelled).sum());
    }
}
