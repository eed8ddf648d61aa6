package io.sourced.command.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.CancelOrderCommand;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.PlaceOrderCommand;
import io.sourced.api.refusal.Refusal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderAdmissionTest {

    private static final Duration LIMIT = Duration.ofSeconds(3);
    private static final Backlog BEHIND = new Backlog(900, 150, Duration.ofSeconds(4), Duration.ofSeconds(6));
    private static final Backlog KEEPING_UP = new Backlog(12, 150, Duration.ofMillis(90), Duration.ofMillis(80));

    private final AtomicInteger handled = new AtomicInteger();
    private final Counter refusals = new SimpleMeterRegistry().counter("refused");
    private Backlog backlog = KEEPING_UP;
    private CommandGateway gateway;

    @BeforeEach
    void setUp() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(PlaceOrderCommand.class.getName(), command -> handled.incrementAndGet());
        bus.subscribe(CancelOrderCommand.class.getName(), command -> handled.incrementAndGet());
        bus.registerHandlerInterceptor(new OrderAdmission(() -> backlog, new AdmissionSettings(true, LIMIT), refusals));
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    @Test
    void placeOrder_whileTheWorkflowKeepsUp_isHandled() {
        gateway.sendAndWait(placeOrder());

        assertThat(handled).hasValue(1);
        assertThat(refusals.count()).isZero();
    }

    @Test
    void placeOrder_whileTheWorkflowIsBehind_refusedAsBusyWithWhenToComeBack() {
        backlog = BEHIND;

        Throwable failure = catchThrowable(() -> gateway.sendAndWait(placeOrder()));

        Refusal refusal = Refusal.of(failure).orElseThrow();
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.BUSY);
        assertThat(refusal.retryAfterSeconds()).isEqualTo(3);
        assertThat(handled).as("the order never reached its handler").hasValue(0);
        assertThat(refusals.count()).isEqualTo(1);
    }

    @Test
    void cancelOrder_whileTheWorkflowIsBehind_isHandled() {
        backlog = BEHIND;

        gateway.sendAndWait(new CancelOrderCommand(OrderId.random(), null));

        assertThat(handled).hasValue(1);
        assertThat(refusals.count()).isZero();
    }

    private static PlaceOrderCommand placeOrder() {
        return new PlaceOrderCommand(
                OrderId.random(), CustomerId.random(), List.of(new OrderLine(ProductId.random(), 1)));
    }
}
