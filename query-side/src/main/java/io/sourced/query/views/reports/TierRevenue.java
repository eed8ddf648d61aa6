package io.sourced.query.views.reports;

import io.sourced.query.integration.Tier;
import java.math.BigDecimal;

/** Accepted orders and their revenue, by the tier the customer had when each order was accepted. */
record TierRevenue(Tier tier, long orders, BigDecimal revenue) {}
