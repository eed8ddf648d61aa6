package io.sourced.ui;

import io.sourced.api.finance.TransactionType;
import io.sourced.api.ordering.OrderLineView;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.PricedLine;
import io.sourced.api.ordering.RejectionReason;
import io.sourced.api.ordering.ReturnStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** How the pages write money, times, statuses and reasons; templates call it as {@code @fmt}. */
@Component("fmt")
class Formats {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL_INPUT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    public String money(BigDecimal amount) {
        return amount == null ? "—" : amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** What an order line costs: its unit price times the units filled (all asked, until known otherwise). */
    public String lineTotal(OrderLineView line) {
        int units = line.filled() == null ? line.quantity() : line.filled();
        return line.unitPrice() == null ? "—" : money(line.unitPrice().multiply(BigDecimal.valueOf(units)));
    }

    /** The units of a line filled, and those lost for want of stock when there are any; a dash until known. */
    public String filled(OrderLineView line) {
        if (line.filled() == null) {
            return "—";
        }
        return line.lost() == 0 ? String.valueOf(line.filled()) : line.filled() + " (" + line.lost() + " out of stock)";
    }

    /**
     * The units of a line returned, and those being returned: "1 of 2", "1 of 2 (1 being returned)"; a dash when none
     * were.
     */
    public String returned(OrderLineView line) {
        if (line.returned() == 0 && line.returning() == 0) {
            return "—";
        }
        String returned = line.returned() + " of " + (line.filled() == null ? line.quantity() : line.filled());
        return line.returning() == 0 ? returned : returned + " (" + line.returning() + " being returned)";
    }

    public String returnStatus(ReturnStatus status) {
        return switch (status) {
            case REQUESTED -> "In progress";
            case COMPLETED -> "Returned and refunded";
            case FAILED -> "Failed";
        };
    }

    /** The units of a return's lines. */
    public int units(Collection<PricedLine> lines) {
        return lines.stream().mapToInt(PricedLine::quantity).sum();
    }

    /** A fraction (0.2500) as a percentage with one decimal (25.0 %); a dash when there is none. */
    public String percent(BigDecimal fraction) {
        return fraction == null
                ? "—"
                : fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    /** Seconds with up to 3 decimals (1.25 s); a dash when there are none. */
    public String seconds(BigDecimal seconds) {
        return seconds == null ? "—" : seconds.stripTrailingZeros().toPlainString() + " s";
    }

    /** A figure with one decimal (12.5). */
    public String tenths(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Shown until the browser rewrites it in the reader's own time zone. */
    public String time(Instant at) {
        return at == null ? "" : UTC.format(at);
    }

    /** The value of a datetime-local input, in UTC until the browser rewrites it in the reader's time zone. */
    public String localInput(Instant at) {
        return at == null ? "" : LOCAL_INPUT.format(at);
    }

    /** {@link #localInput(Instant)} of an instant as typed (ISO-8601); empty when it is none. */
    public String localInputOf(String instant) {
        try {
            return instant == null ? "" : localInput(Instant.parse(instant.strip()));
        } catch (DateTimeParseException notAnInstant) {
            return "";
        }
    }

    public String events(Collection<?> events) {
        int count = events == null ? 0 : events.size();
        return count + (count == 1 ? " event" : " events");
    }

    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    public String status(OrderStatus status) {
        return statusText(status);
    }

    public String reason(RejectionReason reason) {
        return reasonText(reason);
    }

    public String transaction(TransactionType type) {
        return switch (type) {
            case DEPOSIT -> "Deposit";
            case WITHDRAWAL -> "Withdrawal";
            case PAYMENT -> "Payment";
            case REFUND -> "Refund";
            case REVERSAL -> "Deposit reversed";
        };
    }

    public boolean credit(TransactionType type) {
        return type == TransactionType.DEPOSIT || type == TransactionType.REFUND;
    }

    public String shortId(Object id) {
        String text = String.valueOf(id);
        return text.length() > 8 ? text.substring(0, 8) : text;
    }

    static String statusText(OrderStatus status) {
        return switch (status) {
            case PENDING -> "Pending";
            case ACCEPTED -> "Accepted";
            case REJECTED -> "Rejected";
            case CANCELLED -> "Cancelled";
            case RETURNED -> "Returned";
        };
    }

    static String reasonText(RejectionReason reason) {
        if (reason == null) {
            return "";
        }
        return switch (reason) {
            case OUT_OF_STOCK -> "Some items were out of stock";
            case PAYMENT_DECLINED -> "The payment was declined (not enough funds)";
            case TIMEOUT -> "The order timed out before it could be completed";
        };
    }
}
