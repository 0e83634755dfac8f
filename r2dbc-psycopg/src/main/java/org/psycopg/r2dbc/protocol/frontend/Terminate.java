// Terminate: ends the session politely before closing the connection.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;

/** Terminate ('X'): tells the server the session ends; the client then closes the connection. */
public enum Terminate implements FrontendMessage {
    INSTANCE;

    @Override
    public void encode(ByteBuf out) {
        out.writeByte('X').writeInt(4);
    }
}
