package io.sourced.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.finance.DepositFundsCommand;
import io.sourced.api.idempotency.OperationId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.inventory.ReserveStockCommand;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.PlaceOrderCommand;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

class CommandTargetsTest {

    private final CommandTargets targets = new CommandTargets();
    private final AnnotationCommandTargetResolver axons =
            AnnotationCommandTargetResolver.builder().build();

    @Test
    void commands_areRoutedAsAxonRoutesThem() {
        ProductId lamp = ProductId.random();
        List<Object> commands = List.of(
                new PlaceOrderCommand(OrderId.random(), CustomerId.random(), List.of(new OrderLine(lamp, 1))),
                new ReserveStockCommand(lamp, OrderId.random(), 1, false),
                new DepositFundsCommand(CustomerId.random(), BigDecimal.TEN, OperationId.random()),
                new Versioned("a-1", "7"),
                new Versioned("a-2", null));

        for (Object command : commands) {
            // each twice: the second from the members found at the first
            for (int i = 0; i < 2; i++) {
                VersionedAggregateIdentifier ours = targets.resolveTarget(asCommandMessage(command));
                VersionedAggregateIdentifier theirs = axons.resolveTarget(asCommandMessage(command));
                assertThat(ours.getIdentifier()).isEqualTo(theirs.getIdentifier());
                assertThat(ours.getVersion()).isEqualTo(theirs.getVersion());
            }
        }
    }

    @Test
    void commandNamingNoAggregate_isRefusedAsAxonRefusesIt() {
        var command = asCommandMessage(new Versioned(null, "1"));

        assertThatThrownBy(() -> targets.resolveTarget(command))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[Versioned]")
                .hasMessage(catchMessage(() -> axons.resolveTarget(command)));
    }

    @Test
    void versionThatIsNoNumber_isRefused() {
        var command = asCommandMessage(new Versioned("a-1", "seven"));

        assertThatThrownBy(() -> targets.resolveTarget(command))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The value provided for the version is not a number.");
    }

    private static String catchMessage(Runnable call) {
        try {
            call.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("no refusal");
    }

    /** A command naming its aggregate in a field and the version it expects in a method. */
    static final class Versioned {
        @TargetAggregateIdentifier
        private final String id;

        private final String version;

        Versioned(String id, String version) {
            this.id = id;
            this.version = version;
        }

        @TargetAggregateVersion
        String version() {
            return version;
        }
    }
}
