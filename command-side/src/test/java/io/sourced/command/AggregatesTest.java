package io.sourced.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AggregatesTest {

    @Test
    void types_areTheThreeAggregatesOfTheCommandSide() {
        assertThat(Aggregates.types())
                .extracting(Class::getName)
                .containsExactly(
                        "io.sourced.command.finance.CustomerAccount",
                        "io.sourced.command.inventory.Product",
                        "io.sourced.command.ordering.Order");
    }
}
