// CopyInResponse: COPY FROM STDIN is ready for the client's CopyData, then CopyDone or CopyFail.
package org.psycopg.r2dbc.protocol.backend;

import io.netty.buffer.ByteBuf;

/**
 * CopyInResponse ('G'): COPY FROM STDIN is ready for the client's CopyData, then CopyDone or CopyFail.
 *
 * @param overallFormat 0 for text COPY (rows as lines), 1 for binary COPY
 * @param columnFormats the format code of each column (all 0 for text); owned by this message
 */
public record CopyInResponse(int overallFormat, short[] columnFormats) implements BackendMessage {

    static CopyInResponse decode(ByteBuf body) {
        return new CopyInResponse(body.readByte(), MessageReader.readFormats(body));
    }
}
