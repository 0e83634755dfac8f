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
 * passes every whole message on. A malformed message raises a {@code ProtocolException}, which
 * closes the connection.
 */
final class BackendFramer extends ByteToMessageDecoder {

    private final BackendMessageDecoder decoder;

    BackendFramer(int maxMessageLength) {
        this.decoder = new BackendMessageDecoder(maxMessageLength);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        BackendMessage message;
        while ((message = decoder.decode(in)) != null) {
            out.add(message);
        }
    }
}
