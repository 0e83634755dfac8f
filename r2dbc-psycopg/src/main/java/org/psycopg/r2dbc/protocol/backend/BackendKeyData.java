// BackendKeyData: the key that a CancelRequest must quote to cancel this session's queries.
package org.psycopg.r2dbc.protocol.backend;

import io.netty.buffer.ByteBuf;

/**
 * BackendKeyData ('K'): sent once during startup; keep it to send a CancelRequest later.
 *
 * @param processId the server process of this session
 * @param secretKey the secret key (4 bytes in protocol 3.0)
 */
public record BackendKeyData(int processId, int secretKey) implements BackendMessage {

    static BackendKeyData decode(ByteBuf body) {
        return new BackendKeyData(body.readInt(), body.readInt());
    }
}
