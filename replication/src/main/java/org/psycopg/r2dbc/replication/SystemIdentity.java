// What IDENTIFY_SYSTEM answers: the cluster, its timeline and WAL position.
package org.psycopg.r2dbc.replication;

import org.psycopg.r2dbc.codec.Lsn;

/**
 * The answer to {@code IDENTIFY_SYSTEM}. Immutable.
 *
 * @param systemId the cluster's unique system identifier
 * @param timeline the current timeline
 * @param walFlush the current WAL flush position
 * @param database the connected database, or {@code null} on a physical replication connection
 */
public record SystemIdentity(String systemId, int timeline, Lsn walFlush, String database) {
}
