package io.sourced.api.timelines;

import java.math.BigDecimal;

/** One product's figures over the period, what happened beside the timeline's. */
public record ProductFigures(
        String productId,
        BigDecimal actualRevenue,
        BigDecimal whatIfRevenue,
        long actualUnitsSold,
        long whatIfUnitsSold,
        long actualUnitsLost,
        long whatIfUnitsLost) {}
