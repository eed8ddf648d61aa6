package io.sourced.timelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.refusal.Refusal;
import io.sourced.api.rules.BusinessRules;
import io.sourced.api.timelines.TimelineRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AskedTimelineTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant FROM = NOW.minus(Duration.ofDays(7));
    private final ProductId lamp = ProductId.random();

    @Test
    void noRules_runsByTheRulesOfToday() {
        AskedTimeline asked = AskedTimeline.of(new TimelineRequest(" As it was ", FROM, NOW, null), NOW, id -> true);

        assertThat(asked.name()).isEqualTo("As it was");
        assertThat(asked.rules()).isEqualTo(BusinessRules.NONE);
        assertThat(asked.shown().partialFulfilment()).isFalse();
        assertThat(asked.shown().autoRestock()).isNull();
    }

    @Test
    void everyRule_isTakenAndShownBack() {
        TimelineRules rules = new TimelineRules(
                true,
                new BigDecimal("50"),
                new BigDecimal("-10"),
                List.of(lamp.value()),
                new TimelineRules.AutoRestock(2, 10, null));

        AskedTimeline asked = AskedTimeline.of(new TimelineRequest("All", FROM, NOW, rules), NOW, lamp::equals);

        assertThat(asked.rules())
                .isEqualTo(new BusinessRules(
                        true,
                        new BigDecimal("50"),
                        new BigDecimal("-10"),
                        Set.of(lamp),
                        new BusinessRules.AutoRestock(2, 10, BusinessRules.AutoRestock.DEFAULT_DELAY)));
        assertThat(asked.shown().autoRestock().delay()).isEqualTo(Duration.ofHours(1));
        assertThat(AskedTimeline.rulesOf(asked.shown())).isEqualTo(asked.rules());
    }

    @Test
    void toBeforeFrom_isRefusedOnTo() {
        assertRefused(new TimelineRequest("Reversed", NOW, FROM, null), "to");
    }

    @Test
    void periodReachingIntoTheFuture_isRefusedOnTo() {
        assertRefused(new TimelineRequest("Future", FROM, NOW.plusSeconds(1), null), "to");
    }

    @Test
    void blankOrLongName_isRefusedOnName() {
        assertRefused(new TimelineRequest("  ", FROM, NOW, null), "name");
        assertRefused(new TimelineRequest("x".repeat(101), FROM, NOW, null), "name");
    }

    @Test
    void negativeCreditLimit_isRefused() {
        assertRefused(
                new TimelineRequest(
                        "Negative", FROM, NOW, new TimelineRules(null, new BigDecimal("-1"), null, null, null)),
                "rules.creditLimit");
    }

    @Test
    void priceChangeOfAProductThatDoesNotExist_isRefused() {
        assertRefused(
                new TimelineRequest(
                        "Unknown",
                        FROM,
                        NOW,
                        new TimelineRules(null, null, BigDecimal.TEN, List.of(lamp.value()), null)),
                "rules.priceChangeProducts");
        assertRefused(
                new TimelineRequest(
                        "Not an id", FROM, NOW, new TimelineRules(null, null, BigDecimal.TEN, List.of("lamp"), null)),
                "rules.priceChangeProducts");
    }

    @Test
    void autoRestockWithoutQuantity_isRefused() {
        assertRefused(
                new TimelineRequest(
                        "Restock",
                        FROM,
                        NOW,
                        new TimelineRules(null, null, null, null, new TimelineRules.AutoRestock(3, null, null))),
                "rules.autoRestock.quantity");
    }

    private static void assertRefused(TimelineRequest request, String field) {
        assertThatThrownBy(() -> AskedTimeline.of(request, NOW, id -> false))
                .satisfies(refused -> assertThat(Refusal.of(refused))
                        .get()
                        .extracting(Refusal::kind, Refusal::field)
                        .containsExactly(Refusal.Kind.INVALID, field));
    }
}
