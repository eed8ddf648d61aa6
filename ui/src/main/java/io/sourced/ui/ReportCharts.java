package io.sourced.ui;

import io.sourced.api.reports.DayReport;
import io.sourced.api.reports.ProductDayReport;
import io.sourced.api.reports.ReportPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The series the reports page charts, one value per day of the period (x = the day's UTC midnight in epoch seconds).
 * Flows (revenue, units, orders) of a day without a row are 0; times to accept are null (nothing was accepted).
 */
record ReportCharts(
        List<Long> days,
        List<BigDecimal> revenue,
        List<Integer> unitsOrdered,
        List<Integer> unitsSold,
        List<Integer> unitsLost,
        List<Integer> placed,
        List<Integer> accepted,
        List<Integer> rejectedOutOfStock,
        List<Integer> rejectedPaymentDeclined,
        List<Integer> rejectedTimeout,
        List<Integer> cancelled,
        List<BigDecimal> medianSecondsToAccept,
        List<BigDecimal> p95SecondsToAccept,
        String tiersSource) {

    private record Sales(BigDecimal revenue, int ordered, int sold, int lost) {
        static final Sales NONE = new Sales(BigDecimal.ZERO, 0, 0, 0);

        Sales plus(ProductDayReport row) {
            return new Sales(
                    revenue.add(row.revenue()),
                    ordered + row.unitsOrdered(),
                    sold + row.unitsSold(),
                    lost + row.unitsLost());
        }
    }

    static ReportCharts of(
            ReportPeriod period, List<ProductDayReport> products, List<DayReport> dayRows, String tiersSource) {
        Map<LocalDate, Sales> sales = new HashMap<>();
        products.forEach(row ->
                sales.put(row.day(), sales.getOrDefault(row.day(), Sales.NONE).plus(row)));
        Map<LocalDate, DayReport> orders = new HashMap<>();
        dayRows.forEach(row -> orders.put(row.day(), row));
        DayReport none = new DayReport(null, 0, 0, 0, 0, 0, 0, null, null);

        ReportCharts charts = new ReportCharts(
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                tiersSource);
        for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
            Sales s = sales.getOrDefault(day, Sales.NONE);
            DayReport o = orders.getOrDefault(day, none);
            charts.days.add(day.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
            charts.revenue.add(s.revenue());
            charts.unitsOrdered.add(s.ordered());
            charts.unitsSold.add(s.sold());
            charts.unitsLost.add(s.lost());
            charts.placed.add(o.placed());
            charts.accepted.add(o.accepted());
            charts.rejectedOutOfStock.add(o.rejectedOutOfStock());
            charts.rejectedPaymentDeclined.add(o.rejectedPaymentDeclined());
            charts.rejectedTimeout.add(o.rejectedTimeout());
            charts.cancelled.add(o.cancelled());
            charts.medianSecondsToAccept.add(o.medianSecondsToAccept());
            charts.p95SecondsToAccept.add(o.p95SecondsToAccept());
        }
        return charts;
    }
}
