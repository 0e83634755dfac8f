// Checks a new session against target_session_attrs.
package org.psycopg.r2dbc.engine;

import org.psycopg.r2dbc.TargetSessionAttrs;

/**
 * Uses the {@code in_hot_standby} and {@code default_transaction_read_only} settings that
 * PostgreSQL 14 and later report at startup, so no query is needed.
 */
final class SessionAttributes {

    private SessionAttributes() {
    }

    static boolean matches(Session session, TargetSessionAttrs wanted) {
        boolean standby = "on".equals(session.parameters().get("in_hot_standby"));
        boolean readOnly = standby || "on".equals(session.parameters().get("default_transaction_read_only"));
        return switch (wanted) {
            case ANY -> true;
            case READ_WRITE -> !readOnly;
            case READ_ONLY -> readOnly;
            case PRIMARY -> !standby;
            case STANDBY, PREFER_STANDBY -> standby;
        };
    }
}
