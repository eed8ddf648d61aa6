package io.sourced.query.integration;

/** A customer's tier, as the CRM answers it. */
public enum Tier {
    GOLD,
    SILVER,
    BRONZE
}
