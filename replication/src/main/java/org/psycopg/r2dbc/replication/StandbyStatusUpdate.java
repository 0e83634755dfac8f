// The client's Standby Status Update ('r'): how far WAL has been received, flushed and applied.
package org.psycopg.r2dbc.replication;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * A Standby Status Update as the streaming replication protocol defines it. The walsender of a
 * logical slot takes {@code flush} as the slot's confirmed position; for a physical slot
 * {@code flush} moves its restart position.
 *
 * @param write       the last WAL byte + 1 received
 * @param flush       the last WAL byte + 1 durably handled
 * @param apply       the last WAL byte + 1 applied
 * @param clock       the client's clock
 * @param replyNow    true to ask the server to answer with a keepalive at once
 */
record StandbyStatusUpdate(long write, long flush, long apply, Instant clock, boolean replyNow) {

    static final int SIZE = 34;

    /** The CopyData body: 'r', three LSNs, the clock in microseconds since 2000-01-01, the reply flag. */
    ByteBuffer encode() {
        ByteBuffer out = ByteBuffer.allocate(SIZE);
        out.put((byte) 'r').putLong(write).putLong(flush).putLong(apply)
                .putLong(ServerClock.toMicros(clock)).put((byte) (replyNow ? 1 : 0));
        return out.flip();
    }
}
