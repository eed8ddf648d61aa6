package io.sourced.app.web.pages;

import io.sourced.api.caller.Caller;
import io.sourced.api.ordering.FindOrderQuery;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An order's changes as server-sent events for the signed-in pages (the API's stream takes HTTP Basic):
 * the same subscription query and the same rule, only the owner or an administrator.
 */
@Controller
class OrderLiveUpdates {

    private static final Duration INITIAL_RESULT_TIMEOUT = Duration.ofSeconds(10);

    /** What the page rewrites in place, already in words and formatted amounts. */
    record LiveOrder(String status, String statusText, boolean terminal, String reason, String total,
                     Map<String, String> unitPrices, Map<String, String> lineTotals) {
    }

    private final QueryGateway queries;
    private final Formats fmt;

    OrderLiveUpdates(QueryGateway queries, Formats fmt) {
        this.queries = queries;
        this.fmt = fmt;
    }

    @GetMapping(path = "/orders/{orderId}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<LiveOrder>> live(@PathVariable String orderId, Caller caller) {
        OrderId id = PageNotFound.parse(orderId, OrderId::of);
        SubscriptionQueryResult<Optional<OrderView>, OrderView> subscription = queries.subscriptionQuery(
                new FindOrderQuery(id), ResponseTypes.optionalInstanceOf(OrderView.class),
                ResponseTypes.instanceOf(OrderView.class));
        OrderView now;
        try {
            now = Optional.ofNullable(subscription.initialResult().block(INITIAL_RESULT_TIMEOUT))
                    .flatMap(order -> order)
                    .filter(order -> caller.mayActFor(order.customerId()))
                    .orElseThrow(PageNotFound::new);
        } catch (RuntimeException e) {
            subscription.close();
            throw e;
        }
        return Flux.concat(Mono.just(now), subscription.updates())
                .distinctUntilChanged()
                .takeUntil(order -> order.status().isTerminal())
                .map(order -> ServerSentEvent.builder(live(order)).build())
                .doFinally(signal -> subscription.close());
    }

    /** Not a page: a stream, so an unknown or foreign order is a bare 404 (the page handlers render views). */
    @ExceptionHandler(PageNotFound.class)
    ResponseEntity<Void> notFound() {
        return ResponseEntity.notFound().build();
    }

    private LiveOrder live(OrderView order) {
        Map<String, String> unitPrices = new LinkedHashMap<>();
        Map<String, String> lineTotals = new LinkedHashMap<>();
        order.lines().forEach(line -> {
            unitPrices.put(line.productId().value(), fmt.money(line.unitPrice()));
            lineTotals.put(line.productId().value(), fmt.lineTotal(line.unitPrice(), line.quantity()));
        });
        return new LiveOrder(order.status().name(), Formats.statusText(order.status()), order.status().isTerminal(),
                Formats.reasonText(order.rejectionReason()), fmt.money(order.total()), unitPrices, lineTotals);
    }
}
