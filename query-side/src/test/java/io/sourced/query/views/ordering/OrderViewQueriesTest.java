package io.sourced.query.views.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.FindOrderQuery;
import io.sourced.api.ordering.FindOrdersQuery;
import io.sourced.api.ordering.OrderAcceptedEvent;
import io.sourced.api.ordering.OrderCancelledEvent;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.ordering.OrderPage;
import io.sourced.api.ordering.OrderPlacedEvent;
import io.sourced.api.ordering.OrderStatus;
import io.sourced.api.ordering.OrderView;
import io.sourced.query.Deliver;
import io.sourced.query.LocalQueries;
import io.sourced.query.ViewDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.SqlProvider;

class OrderViewQueriesTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    private final CustomerId alice = CustomerId.random();
    private final CustomerId bob = CustomerId.random();

    private OrderViewProjector projector;

    private Deliver deliver;
    private OrderViewQueries queries;
    private QueryGateway gateway;
    private JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        jdbc = ViewDatabase.migrated();
        LocalQueries local = new LocalQueries();
        projector = new OrderViewProjector(jdbc, local.updateEmitter());
        deliver = Deliver.to(projector);
        queries = new OrderViewQueries(jdbc);
        local.register(queries);
        gateway = local.gateway();
    }

    @Test
    void findOrder_known_answersTheOrderWithItsLines() {
        OrderId orderId = place(alice, 0);

        Optional<OrderView> found = gateway.query(
                        new FindOrderQuery(orderId), ResponseTypes.optionalInstanceOf(OrderView.class))
                .join();

        assertThat(found).hasValueSatisfying(order -> {
            assertThat(order.customerId()).isEqualTo(alice);
            assertThat(order.lines()).hasSize(1);
        });
    }

    @Test
    void findOrder_unknown_answersEmpty() {
        Optional<OrderView> found = gateway.query(
                        new FindOrderQuery(OrderId.random()), ResponseTypes.optionalInstanceOf(OrderView.class))
                .join();

        assertThat(found).isEmpty();
    }

    @Test
    void findOrders_answersNewestFirstWithTheTotalCount() {
        OrderId first = place(alice, 0);
        OrderId second = place(bob, 1);
        OrderId third = place(alice, 2);

        OrderPage page = gateway.query(new FindOrdersQuery(null, null, 0, 20), OrderPage.class)
                .join();

        assertThat(page.items()).extracting(OrderView::orderId).containsExactly(third, second, first);
        assertThat(page.items()).allSatisfy(order -> assertThat(order.lines()).hasSize(1));
        assertThat(page)
                .extracting(OrderPage::page, OrderPage::size, OrderPage::total)
                .containsExactly(0, 20, 3L);
    }

    @Test
    void findOrders_pages_skipTheNewerOrders() {
        List<OrderId> oldestFirst =
                List.of(place(alice, 0), place(alice, 1), place(alice, 2), place(alice, 3), place(alice, 4));

        OrderPage second = queries.handle(new FindOrdersQuery(null, null, 1, 2));
        OrderPage last = queries.handle(new FindOrdersQuery(null, null, 2, 2));
        OrderPage beyond = queries.handle(new FindOrdersQuery(null, null, 3, 2));

        assertThat(second.items())
                .extracting(OrderView::orderId)
                .containsExactly(oldestFirst.get(2), oldestFirst.get(1));
        assertThat(last.items()).extracting(OrderView::orderId).containsExactly(oldestFirst.get(0));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
    }

    @Test
    void findOrders_placedAtTheSameInstant_areOrderedByOrderIdDescending() {
        OrderId a = place(alice, 0);
        OrderId b = place(alice, 0);

        OrderPage page = queries.handle(new FindOrdersQuery(null, null, 0, 20));

        List<OrderId> expected = a.value().compareTo(b.value()) > 0 ? List.of(a, b) : List.of(b, a);
        assertThat(page.items()).extracting(OrderView::orderId).containsExactlyElementsOf(expected);
    }

    @Test
    void findOrders_ofACustomer_leavesOthersOut() {
        OrderId alicesFirst = place(alice, 0);
        place(bob, 1);
        OrderId alicesSecond = place(alice, 2);

        OrderPage page = queries.handle(new FindOrdersQuery(alice, null, 0, 20));

        assertThat(page.items()).extracting(OrderView::orderId).containsExactly(alicesSecond, alicesFirst);
        assertThat(page.total()).isEqualTo(2);
    }

    @Test
    void findOrders_withAStatus_leavesOtherStatusesOut() {
        OrderId cancelled = place(alice, 0);
        place(alice, 1);
        OrderId bobsCancelled = place(bob, 2);
        deliver.on(new OrderCancelledEvent(cancelled, alice), T0.plusSeconds(10));
        deliver.on(new OrderCancelledEvent(bobsCancelled, bob), T0.plusSeconds(11));

        OrderPage allCancelled = queries.handle(new FindOrdersQuery(null, OrderStatus.CANCELLED, 0, 20));
        OrderPage alicesCancelled = queries.handle(new FindOrdersQuery(alice, OrderStatus.CANCELLED, 0, 20));
        OrderPage accepted = queries.handle(new FindOrdersQuery(null, OrderStatus.ACCEPTED, 0, 20));

        assertThat(allCancelled.items()).extracting(OrderView::orderId).containsExactly(bobsCancelled, cancelled);
        assertThat(alicesCancelled.items()).extracting(OrderView::orderId).containsExactly(cancelled);
        assertThat(accepted.items()).isEmpty();
        assertThat(accepted.total()).isZero();
    }

    @Test
    void findOrders_withASizeOutside1To100OrANegativePage_isRefused() {
        assertThatThrownBy(() -> queries.handle(new FindOrdersQuery(null, null, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queries.handle(new FindOrdersQuery(null, null, 0, 101)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queries.handle(new FindOrdersQuery(null, null, -1, 20)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(queries.handle(new FindOrdersQuery(null, null, 0, 100)).size())
                .isEqualTo(100);
    }

    @Test
    void findOrder_acceptedWhileItsTablesAreRead_answersOneStateOfTheOrder() {
        OrderId orderId = place(alice, 0);
        OrderView pending = queries.find(orderId).orElseThrow();
        OrderViewQueries reading = new OrderViewQueries(new ChangingBeforeTheLines(jdbc, () -> accept(orderId)));

        OrderView found = reading.find(orderId).orElseThrow();

        OrderView accepted = queries.find(orderId).orElseThrow();
        assertThat(accepted).isNotEqualTo(pending);
        assertThat(found).isIn(pending, accepted);
    }

    @Test
    void findOrders_oneAcceptedWhileTheirTablesAreRead_answerOneStateOfEachOrder() {
        OrderId older = place(alice, 0);
        OrderId newer = place(alice, 1);
        List<OrderView> before =
                queries.handle(new FindOrdersQuery(alice, null, 0, 20)).items();
        OrderViewQueries reading = new OrderViewQueries(new ChangingBeforeTheLines(jdbc, () -> accept(newer)));

        List<OrderView> found =
                reading.handle(new FindOrdersQuery(alice, null, 0, 20)).items();

        List<OrderView> after =
                queries.handle(new FindOrdersQuery(alice, null, 0, 20)).items();
        assertThat(after).isNotEqualTo(before);
        assertThat(found).isIn(before, after);
        assertThat(found).extracting(OrderView::orderId).containsExactly(newer, older);
    }

    private void accept(OrderId orderId) {
        deliver.on(new OrderAcceptedEvent(orderId, alice, BigDecimal.ONE), T0.plusSeconds(600));
    }

    /** Commits a change, once, between a read of the orders' rows and the read of their lines: another writer's. */
    private static final class ChangingBeforeTheLines extends JdbcTemplate {

        private Runnable change;

        ChangingBeforeTheLines(JdbcTemplate jdbc, Runnable change) {
            super(jdbc.getDataSource());
            this.change = change;
        }

        @Override
        public <T> T query(
                PreparedStatementCreator creator, PreparedStatementSetter setter, ResultSetExtractor<T> rse) {
            if (change != null
                    && creator instanceof SqlProvider sql
                    && sql.getSql().contains("FROM order_line_view")) {
                Runnable now = change;
                change = null;
                now.run();
            }
            return super.query(creator, setter, rse);
        }
    }

    private OrderId place(CustomerId customerId, int minutesAfterT0) {
        OrderId orderId = OrderId.random();
        deliver.on(
                new OrderPlacedEvent(orderId, customerId, List.of(new OrderLine(ProductId.random(), 1))),
                T0.plusSeconds(60L * minutesAfterT0));
        return orderId;
    }
}
