// Sync: ends an extended-query sequence and asks for ReadyForQuery.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;

/**
 * Sync ('S'): closes the current extended-query sequence (committing an implicit transaction,
 * or ending error recovery); the server answers ReadyForQuery.
 */
public enum Sync implements FrontendMessage {
    INSTANCE;

    @Override
    public void encode(ByteBuf out) {
        out.writeByte('S').writeInt(4);
    }
}
