package io.sourced.command.idempotency;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.sourced.api.idempotency.OperationId;
import io.sourced.command.Refused;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The last {@value #LIMIT} operations an aggregate applied, each with what it did ("a deposit of 10"). A command whose
 * outcome was unknown is sent again with its operation; the aggregate answers it from here instead of applying it
 * twice. Kept in the aggregate's state, so snapshots and the aggregate cache carry it, and rebuilt from the operation
 * each event names when the aggregate is loaded from its events.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class RecentOperations {

    /**
     * A repeat comes within the command's retries (seconds) or while its idempotency key is kept, and a key whose
     * operation was answered is answered by the key store without asking the aggregate again.
     */
    public static final int LIMIT = 100;

    private LinkedHashMap<OperationId, String> applied = new LinkedHashMap<>();

    /**
     * Whether the operation was applied already, doing the same.
     *
     * @throws Refused unprocessable when the operation was applied doing something else
     */
    public boolean applied(OperationId operation, String what) {
        String done = applied.get(operation);
        if (done == null) {
            return false;
        }
        if (!done.equals(what)) {
            throw Refused.unprocessable("operation " + operation + " was " + done + ", not " + what);
        }
        return true;
    }

    /** An operation applied; one recorded before operations were named (null) is not remembered. */
    public void remember(OperationId operation, String what) {
        if (operation == null) {
            return;
        }
        applied.put(operation, what);
        Iterator<OperationId> oldestFirst = applied.keySet().iterator();
        while (applied.size() > LIMIT) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }
}
