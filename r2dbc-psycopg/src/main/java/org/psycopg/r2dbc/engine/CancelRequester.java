// Sends a CancelRequest over a short-lived side connection.
package org.psycopg.r2dbc.engine;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.net.SocketAddress;
import org.psycopg.r2dbc.protocol.frontend.CancelRequest;
import reactor.core.publisher.Mono;

/**
 * The server answers a CancelRequest by closing the side connection, after it has signalled the
 * backend; the returned Mono completes then, so that whatever the caller sends next cannot be hit
 * by a late signal.
 */
final class CancelRequester {

    private CancelRequester() {
    }

    static Mono<Void> cancel(SocketAddress address, EventLoop loop, int processId, int secretKey) {
        return Mono.create(sink -> {
            Bootstrap bootstrap = new Bootstrap()
                    .group(loop)
                    .channel(Transports.channelClass(address, loop))
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                    .handler(new ChannelInboundHandlerAdapter());
            ChannelFuture connecting = bootstrap.connect(address);
            connecting.addListener(connected -> {
                if (!connected.isSuccess()) {
                    sink.error(connected.cause());
                    return;
                }
                Channel channel = connecting.channel();
                ByteBuf out = channel.alloc().ioBuffer(16);
                new CancelRequest(processId, secretKey).encode(out);
                channel.writeAndFlush(out);
                channel.closeFuture().addListener(closed -> sink.success());
            });
        });
    }
}
