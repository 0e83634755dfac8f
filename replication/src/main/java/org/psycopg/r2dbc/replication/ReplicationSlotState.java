// What READ_REPLICATION_SLOT tells about an existing physical slot.
package org.psycopg.r2dbc.replication;

import org.psycopg.r2dbc.codec.Lsn;

/**
 * The answer to {@code READ_REPLICATION_SLOT} for a slot that exists. Immutable.
 *
 * @param slotType        {@code physical} (the command supports no other kind yet)
 * @param restartLsn      the oldest WAL the slot still needs, or {@code null} if it reserved none
 * @param restartTimeline the timeline of {@code restartLsn}, or {@code null}
 */
public record ReplicationSlotState(String slotType, Lsn restartLsn, Long restartTimeline) {
}
