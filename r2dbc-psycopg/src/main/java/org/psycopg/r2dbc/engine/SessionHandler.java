// Hands decoded backend messages and channel events to the Session.
package org.psycopg.r2dbc.engine;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.psycopg.r2dbc.protocol.backend.BackendMessage;

/** The last handler of a connection's pipeline. */
final class SessionHandler extends ChannelInboundHandlerAdapter {

    private final Session session;

    SessionHandler(Session session) {
        this.session = session;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        session.onMessage((BackendMessage) message);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        session.onWritabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof io.netty.handler.codec.DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        session.fail(new R2dbcNonTransientResourceException("Connection failed: " + root.getMessage(), root));
    }
}
