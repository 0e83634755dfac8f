// The marker of a TOASTed column value that an UPDATE left unchanged and pgoutput did not send.
package org.psycopg.r2dbc.replication;

/**
 * Stands in a {@link PgOutputMessage.Tuple} for a column whose value is stored out of line
 * (TOAST) and was not changed by the UPDATE: pgoutput sends a marker ('u'), not the value. The
 * value is unknown here, not null: read it from the table, or set REPLICA IDENTITY FULL to
 * receive the old row whole.
 */
public enum UnchangedToast {
    /** The one marker. */
    VALUE
}
