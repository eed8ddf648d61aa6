package io.sourced.app.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.rules.BusinessRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RulesSettingsTest {

    private static final String PRODUCT = "6f1d2c7e-5b8a-4c3e-9a41-2d7f0b9e8c15";

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(RulesConfiguration.class);

    @Test
    void rules_notConfigured_areAllOff() {
        context.run(app -> assertThat(app.getBean(BusinessRules.class)).isEqualTo(BusinessRules.NONE));
    }

    @Test
    void rules_configured_areBound() {
        context.withPropertyValues(
                        "sourced.rules.partial-fulfilment=true",
                        "sourced.rules.credit-limit=250.00",
                        "sourced.rules.price-change-percent=-10",
                        "sourced.rules.price-change-products=" + PRODUCT,
                        "sourced.rules.auto-restock.enabled=true",
                        "sourced.rules.auto-restock.below=3",
                        "sourced.rules.auto-restock.quantity=20",
                        "sourced.rules.auto-restock.delay=5m")
                .run(app -> assertThat(app.getBean(BusinessRules.class))
                        .isEqualTo(new BusinessRules(
                                true,
                                new BigDecimal("250.00"),
                                new BigDecimal("-10"),
                                Set.of(ProductId.of(PRODUCT)),
                                new BusinessRules.AutoRestock(3, 20, Duration.ofMinutes(5)))));
    }

    @Test
    void autoRestock_withoutADelay_arrivesAfterAnHour() {
        context.withPropertyValues(
                        "sourced.rules.auto-restock.enabled=true",
                        "sourced.rules.auto-restock.below=1",
                        "sourced.rules.auto-restock.quantity=1")
                .run(app -> assertThat(
                                app.getBean(BusinessRules.class).autoRestock().delay())
                        .isEqualTo(Duration.ofHours(1)));
    }

    @Test
    void creditLimit_negative_stopsTheStartWithTheRule() {
        context.withPropertyValues("sourced.rules.credit-limit=-1")
                .run(app -> assertThat(app).getFailure().rootCause().hasMessage("creditLimit must not be negative"));
    }

    @Test
    void priceChange_ofAHundredPercentOff_stopsTheStartWithTheRule() {
        context.withPropertyValues("sourced.rules.price-change-percent=-100")
                .run(app ->
                        assertThat(app).getFailure().rootCause().hasMessage("priceChangePercent must be above -100"));
    }

    @Test
    void autoRestock_enabledWithoutAThreshold_stopsTheStartWithTheRule() {
        context.withPropertyValues("sourced.rules.auto-restock.enabled=true", "sourced.rules.auto-restock.quantity=5")
                .run(app ->
                        assertThat(app).getFailure().rootCause().hasMessage("autoRestock.below must be at least 1"));
    }

    @Test
    void priceChangeProducts_notAProductId_stopsTheStartWithTheRule() {
        context.withPropertyValues("sourced.rules.price-change-products=pens")
                .run(app -> assertThat(app).getFailure().rootCause().hasMessage("productId must be a UUID: pens"));
    }

    @Test
    void priceOf_withAPriceChange_roundsToCentsHalfEven() {
        BusinessRules rules = new BusinessRules(false, null, new BigDecimal("-15"), null, null);
        assertThat(rules.priceOf(ProductId.random(), new BigDecimal("2.50"))).isEqualByComparingTo("2.12");
        assertThat(rules.priceOf(ProductId.random(), new BigDecimal("2.70"))).isEqualByComparingTo("2.30");
        assertThat(BusinessRules.NONE.priceOf(ProductId.random(), new BigDecimal("2.50")))
                .isEqualTo(new BigDecimal("2.50"));
    }
}
