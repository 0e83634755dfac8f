// A slot that CREATE_REPLICATION_SLOT made: its name, consistent point and exported snapshot.
package org.psycopg.r2dbc.replication;

import org.psycopg.r2dbc.codec.Lsn;

/**
 * The answer to {@code CREATE_REPLICATION_SLOT}. Immutable.
 *
 * @param slotName        the slot's name
 * @param consistentPoint where the slot became consistent: the first position it can stream from
 * @param snapshotName    the exported snapshot for {@code SET TRANSACTION SNAPSHOT}, valid until
 *                        the next command on the replication connection; {@code null} if none
 * @param outputPlugin    the logical slot's output plugin, {@code null} for a physical slot
 */
public record ReplicationSlot(String slotName, Lsn consistentPoint, String snapshotName, String outputPlugin) {
}
