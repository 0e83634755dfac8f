// One row change (or a table's truncation, or a prepared transaction's outcome) that a ChangeStream delivers.
package org.psycopg.r2dbc.replication;

import java.time.Instant;
import java.util.Map;
import org.psycopg.r2dbc.codec.Lsn;

/**
 * A change to one table, decoded from pgoutput. Immutable: the maps are unmodifiable, in column
 * order, and may hold null (SQL NULL) and {@link UnchangedToast#VALUE}.
 *
 * <p>Every change belongs to a committed transaction, except with a two-phase slot: there the
 * changes of a transaction prepared for two-phase commit arrive at its PREPARE TRANSACTION, each
 * carrying the transaction's {@code gid}, and its outcome follows later as an event of its own
 * ({@link Operation#COMMIT_PREPARED} or {@link Operation#ROLLBACK_PREPARED}, with no table and
 * empty maps).
 *
 * @param schema     the table's schema; null for a prepared transaction's outcome
 * @param table      the table's name; null for a prepared transaction's outcome
 * @param operation  what happened
 * @param before     the old row by column name: its key columns (replica identity default or
 *                   index) or the whole row (REPLICA IDENTITY FULL); empty for an insert, a
 *                   truncate, and an update that sent no old row
 * @param after      the new row by column name; empty for a delete and a truncate
 * @param lsn        the WAL position of the change
 * @param commitLsn  the WAL position of its transaction's commit record (of its PREPARE
 *                   TRANSACTION for a change with a {@code gid}; for ROLLBACK_PREPARED the end of
 *                   the rollback)
 * @param xid        its transaction's id (unsigned 32-bit)
 * @param commitTime when its transaction committed (was prepared, for a change with a {@code gid};
 *                   was rolled back, for ROLLBACK_PREPARED)
 * @param gid        the global transaction id of a transaction decoded at PREPARE TRANSACTION, and of
 *                   its outcome; null for the changes of a transaction decoded at its commit
 */
public record ChangeEvent(String schema, String table, Operation operation, Map<String, Object> before,
                          Map<String, Object> after, Lsn lsn, Lsn commitLsn, long xid, Instant commitTime, String gid) {

    /** The kinds of change. */
    public enum Operation {
        INSERT, UPDATE, DELETE, TRUNCATE,
        /** A transaction whose changes arrived at its PREPARE TRANSACTION was committed (two-phase slots only). */
        COMMIT_PREPARED,
        /** A transaction whose changes arrived at its PREPARE TRANSACTION was rolled back (two-phase slots only). */
        ROLLBACK_PREPARED
    }
}
