// Cuts the inbound byte stream into backend messages.
package org.psycopg.r2dbc.engine;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.psycopg.r2dbc.protocol.backend.BackendMessage;
import org.psycopg.r2dbc.protocol.backend.BackendMessageDecoder;

/**
 * The channel handler around {@link BackendMessageDecoder}: it keeps the cumulation buffer and
 * passes on one whole message per call, so the session has handled each message before the
 * next is cut. Rows of a cancelled statement are skipped unread: after a cancel the socket
 * buffers may still hold megabytes of them. A malformed message raises a
 * {@code ProtocolException}, which closes the connection.
 */
final class BackendFramer extends ByteToMessageDecoder {

    private static final byte DATA_ROW = 'D';

    private final BackendMessageDecoder decoder;
    private final Session session;

    BackendFramer(int maxMessageLength, Session session) {
        this.decoder = new BackendMessageDecoder(maxMessageLength);
        this.session = session;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (session.isDiscardingRows() && skipDataRow(in)) {
            return;
        }
        BackendMessage message = decoder.decode(in);
        if (message != null) {
            out.add(message);
        }
    }

    /** Skips a whole DataRow at the reader index; false when something else (or a malformed length) is there. */
    private boolean skipDataRow(ByteBuf in) {
        int start = in.readerIndex();
        if (in.readableBytes() < 5 || in.getByte(start) != DATA_ROW) {
            return false;
        }
        int length = in.getInt(start + 1);
        if (length < 4 || length > decoder.maxMessageLength() || in.readableBytes() < length + 1) {
            return false;
        }
        in.skipBytes(length + 1);
        return true;
    }
}
