package io.sourced.ui;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A what-if timeline as typed: a name, the period (instants, written by the page's script from the reader's local
 * time), and the rules, each off when left empty. The rules are checked where the timeline runs, as the API's are.
 */
public class TimelineForm {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(7);

    private String name = "What if";
    private String from;
    private String to;
    private boolean partialFulfilment;
    private BigDecimal creditLimit;
    private BigDecimal priceChangePercent;
    private List<String> priceChangeProducts = new ArrayList<>();
    private Integer restockBelow;
    private Integer restockQuantity;
    private Integer restockDelayMinutes;

    /** The last {@link #DEFAULT_PERIOD} up to now. */
    static TimelineForm lastWeek(Instant now) {
        TimelineForm form = new TimelineForm();
        Instant to = now.truncatedTo(ChronoUnit.SECONDS);
        form.setTo(to.toString());
        form.setFrom(to.minus(DEFAULT_PERIOD).toString());
        return form;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public boolean isPartialFulfilment() {
        return partialFulfilment;
    }

    public void setPartialFulfilment(boolean partialFulfilment) {
        this.partialFulfilment = partialFulfilment;
    }

    public BigDecimal getCreditLimit() {
        return creditLimit;
    }

    public void setCreditLimit(BigDecimal creditLimit) {
        this.creditLimit = creditLimit;
    }

    public BigDecimal getPriceChangePercent() {
        return priceChangePercent;
    }

    public void setPriceChangePercent(BigDecimal priceChangePercent) {
        this.priceChangePercent = priceChangePercent;
    }

    public List<String> getPriceChangeProducts() {
        return priceChangeProducts;
    }

    public void setPriceChangeProducts(List<String> priceChangeProducts) {
        this.priceChangeProducts = priceChangeProducts == null ? new ArrayList<>() : priceChangeProducts;
    }

    public Integer getRestockBelow() {
        return restockBelow;
    }

    public void setRestockBelow(Integer restockBelow) {
        this.restockBelow = restockBelow;
    }

    public Integer getRestockQuantity() {
        return restockQuantity;
    }

    public void setRestockQuantity(Integer restockQuantity) {
        this.restockQuantity = restockQuantity;
    }

    public Integer getRestockDelayMinutes() {
        return restockDelayMinutes;
    }

    public void setRestockDelayMinutes(Integer restockDelayMinutes) {
        this.restockDelayMinutes = restockDelayMinutes;
    }
}
