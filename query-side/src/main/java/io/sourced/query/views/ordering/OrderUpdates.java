package io.sourced.query.views.ordering;

import io.sourced.api.ordering.FindOrderAsOfQuery;
import io.sourced.api.ordering.FindOrderQuery;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderView;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Follows one order: its state now, then each change, ending once the order is settled (terminal, and no return of it
 * in its workflow) — from an Axon
 * subscription query, closed when the stream ends or its reader goes away. Shared by the API's
 * server-sent events and the web pages'.
 */
@Component
public class OrderUpdates {

    private static final Duration INITIAL_RESULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REREAD_EVERY = Duration.ofSeconds(1);

    private final QueryGateway queryGateway;

    public OrderUpdates(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    private Flux<OrderView> reread(OrderId orderId) {
        return Flux.interval(REREAD_EVERY)
                .concatMap(tick -> Mono.fromFuture(() -> queryGateway.query(
                                new FindOrderQuery(orderId), ResponseTypes.optionalInstanceOf(OrderView.class)))
                        .onErrorResume(failure -> Mono.just(Optional.empty())))
                .flatMap(Mono::justOrEmpty);
    }

    /**
     * An order placed a moment ago may not be in the view yet: the client that just got its 202 is still entitled to
     * follow it, so its state is folded from the event log instead.
     */
    private Optional<OrderView> foldedFromTheLog(OrderId orderId) {
        return queryGateway
                .query(
                        new FindOrderAsOfQuery(orderId, Instant.now()),
                        ResponseTypes.optionalInstanceOf(OrderView.class))
                .orTimeout(INITIAL_RESULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> Optional.empty())
                .join();
    }

    /** Empty when the order is unknown or not {@code visible} to the reader; then nothing stays subscribed. */
    public Optional<Flux<OrderView>> follow(OrderId orderId, Predicate<OrderView> visible) {
        SubscriptionQueryResult<Optional<OrderView>, OrderView> subscription = queryGateway.subscriptionQuery(
                new FindOrderQuery(orderId),
                ResponseTypes.optionalInstanceOf(OrderView.class),
                ResponseTypes.instanceOf(OrderView.class));
        Optional<OrderView> now;
        try {
            now = Optional.ofNullable(subscription.initialResult().block(INITIAL_RESULT_TIMEOUT))
                    .flatMap(order -> order)
                    .or(() -> foldedFromTheLog(orderId))
                    .filter(visible);
        } catch (RuntimeException e) {
            subscription.close();
            throw e;
        }
        if (now.isEmpty()) {
            subscription.close();
            return Optional.empty();
        }
        // updates() buffered every change since the subscription started: one may repeat the initial state. They
        // come from this replica's projector only: the order's segment may be held by another replica, whose
        // changes the view shows but this subscription never hears of, so the view is read again every second too
        Flux<OrderView> changes = Flux.merge(subscription.updates(), reread(orderId));
        return Optional.of(Flux.concat(Mono.just(now.get()), changes)
                .distinctUntilChanged()
                .takeUntil(OrderView::settled)
                .doFinally(signal -> subscription.close()));
    }
}
