package io.sourced.ui;

import io.sourced.api.caller.Caller;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import reactor.core.publisher.Flux;

/**
 * An order's changes as server-sent events for the signed-in pages (the API's stream takes HTTP Basic):
 * the same subscription query and the same rule, only the owner or an administrator.
 */
@Controller
class OrderLiveUpdates {

    /**
     * What the page rewrites in place, already in words and formatted amounts; {@code terminal} once the order is
     * settled (decided, and no return of it in its workflow).
     */
    record LiveOrder(
            String status,
            String statusText,
            boolean terminal,
            String reason,
            String total,
            Map<String, String> unitPrices,
            Map<String, String> lineTotals,
            Map<String, String> filled,
            Map<String, String> returned,
            String refunded) {}

    private final LiveOrders liveOrders;
    private final Formats fmt;

    OrderLiveUpdates(LiveOrders liveOrders, Formats fmt) {
        this.liveOrders = liveOrders;
        this.fmt = fmt;
    }

    @GetMapping(path = "/orders/{orderId}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<LiveOrder>> live(@PathVariable String orderId, Caller caller) {
        return liveOrders
                .follow(PageNotFound.parse(orderId, OrderId::of), order -> caller.mayActFor(order.customerId()))
                .orElseThrow(PageNotFound::new)
                .map(order -> ServerSentEvent.builder(live(order)).build());
    }

    private LiveOrder live(OrderView order) {
        Map<String, String> unitPrices = new LinkedHashMap<>();
        Map<String, String> lineTotals = new LinkedHashMap<>();
        Map<String, String> filled = new LinkedHashMap<>();
        Map<String, String> returned = new LinkedHashMap<>();
        order.lines().forEach(line -> {
            unitPrices.put(line.productId().value(), fmt.money(line.unitPrice()));
            lineTotals.put(line.productId().value(), fmt.lineTotal(line));
            filled.put(line.productId().value(), fmt.filled(line));
            returned.put(line.productId().value(), fmt.returned(line));
        });
        return new LiveOrder(
                order.status().name(),
                Formats.statusText(order.status()),
                order.settled(),
                Formats.reasonText(order.rejectionReason()),
                fmt.money(order.total()),
                unitPrices,
                lineTotals,
                filled,
                returned,
                fmt.money(order.refunded()));
    }
}
