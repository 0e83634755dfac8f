// CopyOutResponse: COPY TO STDOUT begins: CopyData messages and CopyDone follow.
package org.psycopg.r2dbc.protocol.backend;

import io.netty.buffer.ByteBuf;

/**
 * CopyOutResponse ('H'): COPY TO STDOUT begins: CopyData messages and CopyDone follow.
 *
 * @param overallFormat 0 for text COPY (rows as lines), 1 for binary COPY
 * @param columnFormats the format code of each column (all 0 for text); owned by this message
 */
public record CopyOutResponse(int overallFormat, short[] columnFormats) implements BackendMessage {

    static CopyOutResponse decode(ByteBuf body) {
        return new CopyOutResponse(body.readByte(), MessageReader.readFormats(body));
    }
}
