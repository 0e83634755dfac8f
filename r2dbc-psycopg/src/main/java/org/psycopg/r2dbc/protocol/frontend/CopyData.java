// CopyData (frontend): a chunk of COPY FROM STDIN data, or a replication feedback message.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * CopyData ('d') sent by the client: part of the COPY FROM STDIN data stream (chunk boundaries
 * need not match rows), or a message of the streaming replication protocol.
 *
 * @param data the bytes between its reader and writer index are sent; {@link #encode} leaves its
 *             indexes and its reference count alone: the caller owns and releases it
 */
public record CopyData(ByteBuf data) implements FrontendMessage {

    public CopyData {
        Objects.requireNonNull(data, "data");
    }

    @Override
    public void encode(ByteBuf out) {
        int length = data.readableBytes();
        writeHeader(out, length);
        out.writeBytes(data, data.readerIndex(), length);
    }

    /**
     * Writes only the type byte and length of a CopyData of {@code dataLength} bytes, so that the
     * caller can send its own buffer right after without copying it.
     */
    public static void writeHeader(ByteBuf out, int dataLength) {
        if (dataLength < 0 || dataLength > Integer.MAX_VALUE - 4) {
            throw new IllegalArgumentException("CopyData length out of range: " + dataLength);
        }
        out.writeByte('d').writeInt(4 + dataLength);
    }
}
