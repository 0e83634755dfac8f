// CopyDone (frontend): the end of the client's COPY data.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;

/** CopyDone ('c') sent by the client: the COPY FROM STDIN data (or the client's replication stream) is complete. */
public enum CopyDone implements FrontendMessage {
    INSTANCE;

    @Override
    public void encode(ByteBuf out) {
        out.writeByte('c').writeInt(4);
    }
}
