// Flush: asks the server to send what it has buffered.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;

/** Flush ('H'): asks the server to deliver its pending output without waiting for a Sync. */
public enum Flush implements FrontendMessage {
    INSTANCE;

    @Override
    public void encode(ByteBuf out) {
        out.writeByte('H').writeInt(4);
    }
}
