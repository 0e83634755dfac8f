// The lines of the test_decoding logical decoding plugin, parsed.
package org.psycopg.r2dbc.replication;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.psycopg.r2dbc.replication.ChangeEvent.Operation;

/**
 * One line of {@code test_decoding}'s text output, as {@link TestDecodingDecoder} reads it. Every
 * type is immutable. Transaction ids are unsigned 32-bit values in a {@code long}, 0 when the slot
 * was started with {@code include-xids} off; times are null unless it was started with
 * {@code include-timestamp} on.
 */
public sealed interface TestDecodingMessage {

    /** {@code BEGIN 743}: a transaction's lines follow (also before the lines of a transaction decoded at PREPARE). */
    record Begin(long xid) implements TestDecodingMessage {
    }

    /** {@code COMMIT 743 (at 2024-05-06 07:08:09.123456+00)}. */
    record Commit(long xid, Instant commitTime) implements TestDecodingMessage {
    }

    /** A table as test_decoding names it: schema and name, unquoted. */
    record Table(String schema, String name) {

        public Table {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * One column of a row: {@code name[type]:value}.
     *
     * @param name  the column's name, unquoted
     * @param type  the type as the server formats it ({@code integer}, {@code character varying},
     *              {@code timestamp with time zone}, {@code integer[]}, a user type's name...)
     * @param value the value read through the codecs from its text (an {@code Integer}, a
     *              {@code BigDecimal}, an {@code OffsetDateTime}...; the text itself for a type no
     *              codec knows), {@code null} for SQL NULL, or {@link UnchangedToast#VALUE}
     */
    record Column(String name, String type, Object value) {
    }

    /**
     * {@code table public.items: INSERT: ...}, {@code UPDATE: [old-key: ... new-tuple:] ...} or
     * {@code DELETE: ...}. {@code oldKey} holds, for an update that changed the key or a delete, the
     * replica identity's columns (the whole old row with REPLICA IDENTITY FULL) without its null
     * ones; it is empty otherwise, and so is a tuple the server wrote as {@code (no-tuple-data)}.
     */
    record Change(Table table, Operation operation, List<Column> oldKey, List<Column> newTuple)
            implements TestDecodingMessage {

        public Change {
            oldKey = List.copyOf(oldKey);
            newTuple = List.copyOf(newTuple);
        }

        /** The old key's values by column name, in column order. */
        public Map<String, Object> before() {
            return byName(oldKey);
        }

        /** The new row's values by column name, in column order (null values included). */
        public Map<String, Object> after() {
            return byName(newTuple);
        }

        private static Map<String, Object> byName(List<Column> columns) {
            Map<String, Object> values = new LinkedHashMap<>();
            columns.forEach(column -> values.put(column.name(), column.value()));
            return Collections.unmodifiableMap(values);
        }
    }

    /** {@code table public.a, public.b: TRUNCATE: restart_seqs cascade} (or {@code (no-flags)}). */
    record Truncate(List<Table> tables, boolean restartSeqs, boolean cascade) implements TestDecodingMessage {

        public Truncate {
            tables = List.copyOf(tables);
        }
    }

    /** {@code message: transactional: 0 prefix: p, sz: 5 content:hello}: what {@code pg_logical_emit_message} wrote. */
    record LogicalMessage(boolean transactional, String prefix, String content) implements TestDecodingMessage {
    }

    /** {@code PREPARE TRANSACTION 'gid', txid 747}: a transaction decoded at PREPARE (two-phase slot) ends. */
    record Prepare(String gid, long xid, Instant prepareTime) implements TestDecodingMessage {
    }

    /** {@code COMMIT PREPARED 'gid', txid 747}. */
    record CommitPrepared(String gid, long xid, Instant commitTime) implements TestDecodingMessage {
    }

    /** {@code ROLLBACK PREPARED 'gid', txid 747}. */
    record RollbackPrepared(String gid, long xid, Instant time) implements TestDecodingMessage {
    }
}
