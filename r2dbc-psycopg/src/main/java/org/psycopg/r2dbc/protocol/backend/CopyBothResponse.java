// CopyBothResponse: streaming replication begins: both sides exchange CopyData until each sends CopyDone.
package org.psycopg.r2dbc.protocol.backend;

import io.netty.buffer.ByteBuf;

/**
 * CopyBothResponse ('W'): streaming replication begins: both sides exchange CopyData until each sends CopyDone.
 *
 * @param overallFormat 0 for text COPY (rows as lines), 1 for binary COPY
 * @param columnFormats the format code of each column (all 0 for text); owned by this message
 */
public record CopyBothResponse(int overallFormat, short[] columnFormats) implements BackendMessage {

    static CopyBothResponse decode(ByteBuf body) {
        return new CopyBothResponse(body.readByte(), MessageReader.readFormats(body));
    }
}
