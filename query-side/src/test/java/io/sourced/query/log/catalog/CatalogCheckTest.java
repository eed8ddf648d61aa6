package io.sourced.query.log.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.ordering.OrderId;
import io.sourced.api.ordering.OrderLine;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/** The versioning rule on catalogs built from test-only copies of OrderPlacedEvent. */
class CatalogCheckTest {

    /** OrderPlacedEvent as a careless change would leave it: a field more, the same revision. */
    static final class FieldAddedSameRevision {
        @Revision("1")
        record OrderPlacedEvent(OrderId orderId, CustomerId customerId, List<OrderLine> lines, String couponCode) {}
    }

    /** The same change done right: revision 2 (with an upcaster, which this check cannot see). */
    static final class FieldAddedNewRevision {
        @Revision("2")
        record OrderPlacedEvent(OrderId orderId, CustomerId customerId, List<OrderLine> lines, String couponCode) {}
    }

    /** The same fields in another order: the JSON payload is the same. */
    static final class Reordered {
        @Revision("1")
        record OrderPlacedEvent(List<OrderLine> lines, CustomerId customerId, OrderId orderId) {}
    }

    static final class Revision0 {
        @Revision("0")
        record OrderPlacedEvent(OrderId orderId, CustomerId customerId, List<OrderLine> lines) {}
    }

    private final List<CatalogEntry> committed = new EventCatalog().entries();

    @Test
    void orderPlacedEvent_shapeChangedWithoutNewRevision_isAViolation() {
        List<CatalogEntry> current = replace(FieldAddedSameRevision.OrderPlacedEvent.class);

        assertThat(CatalogCheck.violations(committed, current))
                .singleElement()
                .asString()
                .startsWith("OrderPlacedEvent changed shape but kept revision 1: give it @Revision(\"2\")");
    }

    @Test
    void orderPlacedEvent_shapeChangedWithNewRevision_isFine() {
        List<CatalogEntry> current = replace(FieldAddedNewRevision.OrderPlacedEvent.class);

        assertThat(CatalogCheck.violations(committed, current)).isEmpty();
    }

    @Test
    void orderPlacedEvent_fieldsReordered_isNoShapeChange() {
        List<CatalogEntry> current = replace(Reordered.OrderPlacedEvent.class);

        assertThat(CatalogCheck.violations(committed, current)).isEmpty();
    }

    @Test
    void orderPlacedEvent_revisionGoingBack_isAViolation() {
        List<CatalogEntry> current = replace(Revision0.OrderPlacedEvent.class);

        assertThat(CatalogCheck.violations(committed, current))
                .singleElement()
                .asString()
                .startsWith("OrderPlacedEvent went back from revision 1 to 0");
    }

    @Test
    void eventType_removed_isAViolation() {
        List<CatalogEntry> current = new ArrayList<>(committed);
        current.removeIf(entry -> entry.type().equals("OrderPlacedEvent"));

        assertThat(CatalogCheck.violations(committed, current))
                .singleElement()
                .asString()
                .startsWith("OrderPlacedEvent is gone");
    }

    @Test
    void eventType_added_isFine() {
        List<CatalogEntry> older = new ArrayList<>(committed);
        older.removeIf(entry -> entry.type().equals("OrderPlacedEvent"));

        assertThat(CatalogCheck.violations(older, committed)).isEmpty();
    }

    @Test
    void catalog_unchanged_isFine() {
        assertThat(CatalogCheck.violations(committed, new EventCatalog().entries()))
                .isEmpty();
    }

    private List<CatalogEntry> replace(Class<?> changedEvent) {
        CatalogEntry changed = CatalogEntry.of(changedEvent);
        return committed.stream()
                .map(entry -> entry.type().equals(changed.type()) ? changed : entry)
                .toList();
    }
}
