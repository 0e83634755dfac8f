// Renders an R2DBC TransactionDefinition as PostgreSQL's BEGIN.
package org.psycopg.r2dbc;

import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.TransactionDefinition;
import java.time.Duration;
import java.util.List;

/**
 * {@code BEGIN ISOLATION LEVEL ..., READ ONLY | READ WRITE, [NOT] DEFERRABLE}, followed by
 * {@code SET LOCAL lock_timeout} when the definition has a lock wait timeout.
 */
final class TransactionModes {

    private TransactionModes() {
    }

    /** The statements that begin the transaction: BEGIN, and SET LOCAL lock_timeout when there is one. */
    static List<String> begin(TransactionDefinition definition) {
        StringBuilder sql = new StringBuilder("BEGIN");
        String separator = " ";
        IsolationLevel isolation = definition.getAttribute(TransactionDefinition.ISOLATION_LEVEL);
        if (isolation != null) {
            sql.append(separator).append("ISOLATION LEVEL ").append(isolation.asSql());
            separator = ", ";
        }
        Boolean readOnly = definition.getAttribute(TransactionDefinition.READ_ONLY);
        if (readOnly != null) {
            sql.append(separator).append(readOnly ? "READ ONLY" : "READ WRITE");
            separator = ", ";
        }
        Boolean deferrable = definition.getAttribute(PsycopgConnection.DEFERRABLE);
        if (deferrable != null) {
            sql.append(separator).append(deferrable ? "DEFERRABLE" : "NOT DEFERRABLE");
        }
        Duration lockWait = definition.getAttribute(TransactionDefinition.LOCK_WAIT_TIMEOUT);
        if (lockWait != null) {
            return List.of(sql.toString(), "SET LOCAL lock_timeout = " + PsycopgConnection.milliseconds(lockWait));
        }
        return List.of(sql.toString());
    }
}
