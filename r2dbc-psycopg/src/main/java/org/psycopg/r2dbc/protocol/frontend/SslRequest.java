// SSLRequest: asks the server, before startup, to switch the connection to TLS.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;

/**
 * SSLRequest (no type byte): asks to negotiate TLS before the StartupMessage. The server answers
 * with the single byte {@code 'S'} (go ahead with the TLS handshake) or {@code 'N'} (no TLS).
 */
public enum SslRequest implements FrontendMessage {
    INSTANCE;

    /** The request code that stands where a protocol version would: 1234 in the high 16 bits, 5679 in the low ones. */
    public static final int CODE = 80877103;

    @Override
    public void encode(ByteBuf out) {
        out.writeInt(8).writeInt(CODE);
    }
}
