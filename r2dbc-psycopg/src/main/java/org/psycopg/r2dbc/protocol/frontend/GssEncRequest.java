// GSSENCRequest: asks the server, before startup, to switch the connection to GSSAPI encryption.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;

/**
 * GSSENCRequest (no type byte): asks to negotiate GSSAPI encryption before the StartupMessage.
 * The server answers with the single byte {@code 'G'} (go ahead) or {@code 'N'} (no).
 */
public enum GssEncRequest implements FrontendMessage {
    INSTANCE;

    /** The request code that stands where a protocol version would: 1234 in the high 16 bits, 5680 in the low ones. */
    public static final int CODE = 80877104;

    @Override
    public void encode(ByteBuf out) {
        out.writeInt(8).writeInt(CODE);
    }
}
