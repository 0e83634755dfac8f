// What CREATE_REPLICATION_SLOT does with the snapshot of a new logical slot.
package org.psycopg.r2dbc.replication;

/** The {@code SNAPSHOT} option of {@code CREATE_REPLICATION_SLOT ... LOGICAL}. */
public enum SnapshotAction {

    /** Export the snapshot: until the next command on this connection, {@code SET TRANSACTION SNAPSHOT} imports it elsewhere. */
    EXPORT,

    /** Use the snapshot in the current transaction of this (database) connection. */
    USE,

    /** Make no snapshot. */
    NOTHING;

    String sql() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
