// CancelRequest: sent on a new connection to stop the query running in another session.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;

/**
 * CancelRequest (no type byte): sent as the only message of a fresh connection, asks the server
 * to cancel what the session identified by BackendKeyData is running. The server answers nothing
 * and closes the connection.
 *
 * @param processId the process ID from that session's BackendKeyData
 * @param secretKey the secret key from that session's BackendKeyData (4 bytes in protocol 3.0)
 */
public record CancelRequest(int processId, int secretKey) implements FrontendMessage {

    /** The request code that stands where a protocol version would: 1234 in the high 16 bits, 5678 in the low ones. */
    public static final int CODE = 80877102;

    @Override
    public void encode(ByteBuf out) {
        out.writeInt(16).writeInt(CODE).writeInt(processId).writeInt(secretKey);
    }
}
