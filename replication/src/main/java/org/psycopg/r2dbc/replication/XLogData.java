// One XLogData message of a replication stream: a piece of WAL, or one message of a logical decoding plugin.
package org.psycopg.r2dbc.replication;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.psycopg.r2dbc.codec.Lsn;

/**
 * The server's XLogData ('w'): for physical replication raw WAL bytes starting at {@code start};
 * for logical replication one message of the output plugin (pgoutput, test_decoding...) whose
 * WAL position is {@code start}. Immutable; {@code payload} is a read-only view of bytes that
 * belong to this message alone.
 *
 * @param start      the WAL position of the data: what a logical consumer acknowledges once it has handled the message
 * @param walEnd     the end of WAL on the server when it sent the message
 * @param serverTime the server's clock when it sent the message
 * @param payload    the data, between position and limit
 */
public record XLogData(Lsn start, Lsn walEnd, Instant serverTime, ByteBuffer payload) {

    /**
     * The position just past the payload ({@code start} plus its length): what a physical
     * consumer acknowledges once it has stored these WAL bytes.
     */
    public Lsn payloadEnd() {
        return new Lsn(start.value() + payload.remaining());
    }
}
