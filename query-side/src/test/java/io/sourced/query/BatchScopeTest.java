package io.sourced.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

class BatchScopeTest {

    private final List<List<String>> written = new ArrayList<>();

    @Test
    void theEventsOfABatch_areGathered_andWrittenOnceJustBeforeTheCommit() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        List<String> seenAtCommit = new ArrayList<>();
        handle("placed");
        handle("reserved");
        assertThat(written).as("nothing written while the batch runs").isEmpty();
        batch.onCommit(unitOfWork -> seenAtCommit.addAll(written.get(0)));

        batch.commit();

        assertThat(written).containsExactly(List.of("placed", "reserved"));
        assertThat(seenAtCommit).as("written before the transaction commits").containsExactly("placed", "reserved");
    }

    @Test
    void aNestedUnitOfWork_writesWithItsBatch() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        DefaultUnitOfWork.startAndGet(null);
        handle("placed");
        CurrentUnitOfWork.get().commit();
        handle("accepted");
        batch.commit();

        assertThat(written).containsExactly(List.of("placed", "accepted"));
    }

    @Test
    void aBatchRolledBack_writesNothing() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        handle("placed");
        batch.rollback();

        assertThat(written).isEmpty();
    }

    @Test
    void aHandlerCalledOnItsOwn_writesAtOnce() {
        handle("placed");
        handle("accepted");

        assertThat(written).containsExactly(List.of("placed"), List.of("accepted"));
    }

    @Test
    void twoProjectors_keepTheirOwnState() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        Object other = new Object();
        handle("placed");
        BatchScope.within(other, ArrayList<String>::new, written::add, rows -> rows.add("elsewhere"));
        batch.commit();

        assertThat(written).containsExactly(List.of("placed"), List.of("elsewhere"));
    }

    private void handle(String event) {
        BatchScope.within(this, ArrayList<String>::new, written::add, rows -> rows.add(event));
    }
}
