// A snapshot of what the server reported about a connection.
package org.psycopg.r2dbc;

import java.util.Map;
import org.psycopg.r2dbc.engine.Session;

/**
 * psycopg's {@code connection.info}: the server version, this backend's process id, the
 * parameters the server reports (server_version, TimeZone, DateStyle, application_name...)
 * and the transaction status, as of the last message received.
 */
public final class ConnectionInfo {

    /** PostgreSQL's transaction status, from the last ReadyForQuery. */
    public enum TransactionStatus { IDLE, IN_TRANSACTION, FAILED }

    private final Session session;

    ConnectionInfo(Session session) {
        this.session = session;
    }

    public String serverVersion() {
        return session.parameters().get("server_version");
    }

    /** The server version as PostgreSQL's {@code server_version_num} counts it, e.g. 170006. */
    public int serverVersionNumber() {
        String version = serverVersion();
        if (version == null) {
            return 0;
        }
        String[] parts = version.split("[^0-9]+");
        int major = Integer.parseInt(parts[0]);
        int minor = parts.length > 1 && !parts[1].isEmpty() ? Integer.parseInt(parts[1]) : 0;
        return major * 10000 + minor;
    }

    public int backendPid() {
        return session.processId();
    }

    public String parameter(String name) {
        return session.parameters().get(name);
    }

    public Map<String, String> parameters() {
        return Map.copyOf(session.parameters());
    }

    public TransactionStatus transactionStatus() {
        return switch (session.transactionStatus()) {
            case 'T' -> TransactionStatus.IN_TRANSACTION;
            case 'E' -> TransactionStatus.FAILED;
            default -> TransactionStatus.IDLE;
        };
    }
}
