package io.sourced.timelines;

import io.sourced.api.inventory.ProductId;
import io.sourced.api.rules.BusinessRules;
import io.sourced.api.timelines.TimelineRules;
import io.sourced.command.PlainText;
import io.sourced.command.Refused;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A timeline as asked, checked: a name, a period of the past, and rules in range naming products that exist. A
 * request that is not is refused with the field at fault, and nothing is stored.
 *
 * @param shown the rules as answered: every rule with its value, off ones included
 */
record AskedTimeline(String name, Instant from, Instant to, BusinessRules rules, TimelineRules shown) {

    static final int MAX_NAME_LENGTH = 100;

    static AskedTimeline of(TimelineRequest request, Instant now, Predicate<ProductId> productExists) {
        if (request == null) {
            throw Refused.invalid("body", "is required");
        }
        if (request.name() == null || request.name().isBlank()) {
            throw Refused.invalid("name", "must not be blank");
        }
        String name = PlainText.require("name", request.name()).strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw Refused.invalid("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (request.from() == null) {
            throw Refused.invalid("from", "is required");
        }
        if (request.to() == null) {
            throw Refused.invalid("to", "is required");
        }
        if (!request.to().isAfter(request.from())) {
            throw Refused.invalid("to", "must be after from");
        }
        if (request.to().isAfter(now)) {
            throw Refused.invalid("to", "must not be in the future: a timeline runs the log again");
        }
        BusinessRules rules = rules(request.rules(), productExists);
        return new AskedTimeline(name, request.from(), request.to(), rules, shown(rules));
    }

    private static BusinessRules rules(TimelineRules asked, Predicate<ProductId> productExists) {
        if (asked == null) {
            return BusinessRules.NONE;
        }
        BigDecimal creditLimit = Objects.requireNonNullElse(asked.creditLimit(), BigDecimal.ZERO);
        if (creditLimit.signum() < 0) {
            throw Refused.invalid("rules.creditLimit", "must not be negative");
        }
        BigDecimal priceChange = Objects.requireNonNullElse(asked.priceChangePercent(), BigDecimal.ZERO);
        if (priceChange.compareTo(BigDecimal.valueOf(-100)) <= 0) {
            throw Refused.invalid("rules.priceChangePercent", "must be above -100");
        }
        return new BusinessRules(
                Boolean.TRUE.equals(asked.partialFulfilment()),
                creditLimit,
                priceChange,
                products(asked.priceChangeProducts(), productExists),
                autoRestock(asked.autoRestock()));
    }

    private static Set<ProductId> products(List<String> ids, Predicate<ProductId> productExists) {
        Set<ProductId> products = new LinkedHashSet<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            ProductId productId;
            try {
                productId = ProductId.of(id);
            } catch (RuntimeException notAnId) {
                throw Refused.invalid("rules.priceChangeProducts", "holds a value that is not a product id: " + id);
            }
            if (!productExists.test(productId)) {
                throw Refused.invalid("rules.priceChangeProducts", "names no product that exists: " + id);
            }
            products.add(productId);
        }
        return products;
    }

    private static BusinessRules.AutoRestock autoRestock(TimelineRules.AutoRestock asked) {
        if (asked == null) {
            return null;
        }
        if (asked.below() == null || asked.below() < 1) {
            throw Refused.invalid("rules.autoRestock.below", "must be at least 1");
        }
        if (asked.quantity() == null || asked.quantity() < 1) {
            throw Refused.invalid("rules.autoRestock.quantity", "must be at least 1");
        }
        if (asked.delay() != null && asked.delay().isNegative()) {
            throw Refused.invalid("rules.autoRestock.delay", "must not be negative");
        }
        return new BusinessRules.AutoRestock(asked.below(), asked.quantity(), asked.delay());
    }

    static TimelineRules shown(BusinessRules rules) {
        return new TimelineRules(
                rules.partialFulfilment(),
                rules.creditLimit(),
                rules.priceChangePercent(),
                rules.priceChangeProducts().stream()
                        .map(ProductId::value)
                        .sorted()
                        .toList(),
                rules.autoRestock() == null
                        ? null
                        : new TimelineRules.AutoRestock(
                                rules.autoRestock().below(),
                                rules.autoRestock().quantity(),
                                rules.autoRestock().delay()));
    }

    /** The rules kept with a timeline, as a timeline runs them again after being read back. */
    static BusinessRules rulesOf(TimelineRules shown) {
        return rules(shown, productId -> true);
    }
}
