// One row change (or a table's truncation) that a ChangeStream delivers.
package org.psycopg.r2dbc.replication;

import java.time.Instant;
import java.util.Map;
import org.psycopg.r2dbc.codec.Lsn;

/**
 * A committed change to one table, decoded from pgoutput. Immutable: the maps are unmodifiable,
 * in column order, and may hold null (SQL NULL) and {@link UnchangedToast#VALUE}.
 *
 * @param schema     the table's schema
 * @param table      the table's name
 * @param operation  what happened
 * @param before     the old row by column name: its key columns (replica identity default or
 *                   index) or the whole row (REPLICA IDENTITY FULL); empty for an insert, a
 *                   truncate, and an update that sent no old row
 * @param after      the new row by column name; empty for a delete and a truncate
 * @param lsn        the WAL position of the change
 * @param commitLsn  the WAL position of its transaction's commit record
 * @param xid        its transaction's id (unsigned 32-bit)
 * @param commitTime when its transaction committed
 */
public record ChangeEvent(String schema, String table, Operation operation, Map<String, Object> before,
                          Map<String, Object> after, Lsn lsn, Lsn commitLsn, long xid, Instant commitTime) {

    /** The kinds of change. */
    public enum Operation {
        INSERT, UPDATE, DELETE, TRUNCATE
    }
}
