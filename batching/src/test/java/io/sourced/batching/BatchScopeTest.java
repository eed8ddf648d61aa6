package io.sourced.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

class BatchScopeTest {

    private final List<String> outcomes = new ArrayList<>();
    private final List<List<String>> written = new ArrayList<>();
    private final BatchScope<List<String>> orders = BatchScope.<List<String>>of(ArrayList::new, rows -> {
                written.add(List.copyOf(rows));
                outcomes.add("written");
            })
            .afterCommit(rows -> outcomes.add("committed " + rows))
            .afterRollback(rows -> outcomes.add("rolled back " + rows));

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
    void aCommittedBatch_isToldOnceItHasCommitted() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        handle("placed");
        handle("accepted");
        batch.onCommit(unitOfWork -> outcomes.add("transaction committed"));

        batch.commit();

        assertThat(outcomes).containsExactly("written", "transaction committed", "committed [placed, accepted]");
    }

    @Test
    void aBatchRolledBack_writesNothing_andIsToldItRolledBack() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        handle("placed");

        batch.rollback();

        assertThat(written).isEmpty();
        assertThat(outcomes).containsExactly("rolled back [placed]");
    }

    @Test
    void aBatchWhoseCommitFails_isToldItRolledBack_notThatItCommitted() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        handle("placed");
        batch.onCommit(unitOfWork -> {
            throw new IllegalStateException("connection lost");
        });

        assertThatThrownBy(batch::commit).hasMessage("connection lost");

        assertThat(outcomes).containsExactly("written", "rolled back [placed]");
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
    void aHandlerCalledOnItsOwn_writesEachEventAtOnce() {
        handle("placed");
        handle("accepted");

        assertThat(written).containsExactly(List.of("placed"), List.of("accepted"));
        assertThat(outcomes).containsExactly("written", "committed [placed]", "written", "committed [accepted]");
    }

    @Test
    void aHandlerCalledOnItsOwnThatFails_isToldItRolledBack() {
        assertThatThrownBy(() -> orders.handle(rows -> {
                    rows.add("placed");
                    throw new IllegalStateException("no such order");
                }))
                .hasMessage("no such order");

        assertThat(written).isEmpty();
        assertThat(outcomes).containsExactly("rolled back [placed]");
    }

    @Test
    void twoScopes_keepTheirOwnState() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        BatchScope<List<String>> customers = BatchScope.of(ArrayList::new, written::add);
        handle("placed");
        customers.handle(rows -> rows.add("opened"));
        batch.commit();

        assertThat(written).containsExactly(List.of("placed"), List.of("opened"));
    }

    @Test
    void thePayloadsOfABatch_areGivenAtEachOfItsEvents_andNoneOutsideABatch() {
        List<EventMessage<?>> events =
                List.of(GenericEventMessage.asEventMessage("placed"), GenericEventMessage.asEventMessage(42));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        List<List<String>> seen = new ArrayList<>();

        batch.execute(() -> seen.add(BatchScope.payloads(String.class)));

        assertThat(seen).containsExactly(List.of("placed"), List.of("placed"));
        assertThat(BatchScope.payloads()).isEmpty();
    }

    private void handle(String event) {
        orders.handle(rows -> rows.add(event));
    }
}
