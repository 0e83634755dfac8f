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
 * next is cut. Two kinds of message skip the decoder: rows of a cancelled statement are skipped
 * unread (after a cancel the socket buffers may still hold megabytes of them), and when the
 * exchange the server answers reads CopyData in place, every run of complete CopyData messages
 * in the buffer is handed to it in one call, as offsets into the buffer, with no message object
 * made, retained or released per CopyData. A malformed message raises a
 * {@code ProtocolException}, which closes the connection.
 */
final class BackendFramer extends ByteToMessageDecoder {

    private static final byte DATA_ROW = 'D';
    private static final byte COPY_DATA = 'd';

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
        if (in.isReadable() && in.getByte(in.readerIndex()) == COPY_DATA && readCopyDataRun(in)) {
            return;
        }
        BackendMessage message = decoder.decode(in);
        if (message != null) {
            out.add(message);
        }
    }

    /** The length field of a whole, well-formed message of {@code type} at {@code start}, or -1. */
    private int wholeMessageLength(ByteBuf in, int start, byte type) {
        if (in.writerIndex() - start < 5 || in.getByte(start) != type) {
            return -1;
        }
        int length = in.getInt(start + 1);
        if (length < 4 || length > decoder.maxMessageLength() || in.writerIndex() - start - 1 < length) {
            return -1;
        }
        return length;
    }

    /** Skips a whole DataRow at the reader index; false when something else (or a malformed length) is there. */
    private boolean skipDataRow(ByteBuf in) {
        int length = wholeMessageLength(in, in.readerIndex(), DATA_ROW);
        if (length < 0) {
            return false;
        }
        in.skipBytes(length + 1);
        return true;
    }

    /**
     * Hands the complete CopyData messages at the reader index to the exchange that reads them in
     * place; false when there is no such exchange or no complete CopyData (the decoder then
     * reports a malformed one, or waits for more bytes).
     */
    private boolean readCopyDataRun(ByteBuf in) {
        Exchange reader = session.copyDataReader();
        if (reader == null) {
            return false;
        }
        int at = in.readerIndex();
        int length = wholeMessageLength(in, at, COPY_DATA);
        if (length < 0) {
            return false;
        }
        do {
            reader.onCopyData(in, at + 5, length - 4);
            at += length + 1;
            length = wholeMessageLength(in, at, COPY_DATA);
        } while (length >= 0);
        in.readerIndex(at);
        reader.onCopyDataEnd();
        return true;
    }
}
