package io.sourced.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * One processor batch's changes to view rows kept per aggregate, each row remembering the sequence number of the
 * last event of its aggregate applied (so an event delivered again is applied once): each row read once in the
 * batch, folded in memory, and handed to the writer once, before the batch commits.
 *
 * @param <K> the aggregate's id
 * @param <V> the row
 */
public final class FoldedRows<K, V> {

    /** A changed row: whether it was stored before the batch, the last sequence applied, and the row now. */
    public record Changed<V>(boolean stored, long version, V row) {}

    private final Function<K, Long> storedVersion;
    private final Function<K, V> storedRow;
    private final Map<K, Entry<V>> entries = new LinkedHashMap<>();

    /**
     * @param storedVersion the stored row's version, null when there is none
     * @param storedRow     the stored row (asked only when there is one)
     */
    public FoldedRows(Function<K, Long> storedVersion, Function<K, V> storedRow) {
        this.storedVersion = storedVersion;
        this.storedRow = storedRow;
    }

    /**
     * Folds the event into the row unless the row already applied it (or a later one).
     *
     * @param fold the row with the event applied (null given no row yet), or null for no change
     * @return whether the row changed
     */
    public boolean fold(K key, long sequence, UnaryOperator<V> fold) {
        Entry<V> entry = entries.computeIfAbsent(key, id -> {
            Long version = storedVersion.apply(id);
            return new Entry<>(version, version == null ? null : storedRow.apply(id));
        });
        if (entry.version != null && entry.version >= sequence) {
            return false;
        }
        V next = fold.apply(entry.row);
        if (next == null) {
            return false;
        }
        entry.row = next;
        entry.version = sequence;
        entry.changed = true;
        return true;
    }

    /** The rows the batch changed, in the order it first touched them. */
    public Map<K, Changed<V>> changed() {
        Map<K, Changed<V>> changed = new LinkedHashMap<>();
        entries.forEach((key, entry) -> {
            if (entry.changed) {
                changed.put(key, new Changed<>(entry.stored, entry.version, entry.row));
            }
        });
        return changed;
    }

    /**
     * Writes the rows the batch changed: one JDBC batch inserts those it made, then one updates those stored before.
     *
     * @param parameters a row's named parameters, from its key and its change
     */
    public void write(
            NamedParameterJdbcTemplate jdbc,
            String insert,
            String update,
            BiFunction<? super K, Changed<V>, ? extends SqlParameterSource> parameters) {
        Function<Map.Entry<K, Changed<V>>, SqlParameterSource> row =
                entry -> parameters.apply(entry.getKey(), entry.getValue());
        JdbcBatch<Map.Entry<K, Changed<V>>> inserts = JdbcBatch.of(insert, row);
        JdbcBatch<Map.Entry<K, Changed<V>>> updates = JdbcBatch.of(update, row);
        changed().entrySet().forEach(entry -> (entry.getValue().stored() ? updates : inserts).add(entry));
        inserts.write(jdbc);
        updates.write(jdbc);
    }

    private static final class Entry<V> {
        private final boolean stored;
        private Long version;
        private V row;
        private boolean changed;

        Entry(Long version, V row) {
            this.stored = version != null;
            this.version = version;
            this.row = row;
        }
    }
}
