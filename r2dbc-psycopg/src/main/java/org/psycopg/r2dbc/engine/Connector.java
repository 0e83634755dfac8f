// Opens a channel to one endpoint, negotiates TLS and runs startup until the server is ready.
package org.psycopg.r2dbc.engine;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslHandler;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;
import org.psycopg.r2dbc.ServerAddress;
import org.psycopg.r2dbc.SslMode;
import org.psycopg.r2dbc.protocol.frontend.SslRequest;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * One connection attempt to one endpoint with TLS on or off; the policy of which attempts to
 * make (sslmode allow/prefer, several hosts, target_session_attrs) is {@link ConnectionOpener}'s.
 */
final class Connector {

    private Connector() {
    }

    /** Connects; with {@code useTls} the server must accept TLS unless the mode tolerates plain text. */
    static Mono<Session> connect(ServerAddress endpoint, ConnectSettings settings, boolean useTls) {
        return Mono.create(sink -> {
            EventLoopGroup group = settings.eventLoopGroup();
            SocketAddress address = Transports.address(
                    endpoint.hostAddress() != null ? endpoint.hostAddress() : endpoint.host(), endpoint.port(), group);
            Bootstrap bootstrap = new Bootstrap()
                    .group(group)
                    .channel(Transports.channelClass(address, group))
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel channel) {
                        }
                    });
            if (address instanceof InetSocketAddress) {
                bootstrap.option(ChannelOption.TCP_NODELAY, settings.tcpNoDelay())
                        .option(ChannelOption.SO_KEEPALIVE, settings.tcpKeepAlive());
            }
            if (settings.connectTimeout() != null && !settings.connectTimeout().isZero()) {
                bootstrap.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()));
            }
            ChannelFuture connecting = bootstrap.connect(address);
            sink.onCancel(() -> connecting.channel().close());
            connecting.addListener(f -> {
                if (!f.isSuccess()) {
                    sink.error(new R2dbcNonTransientResourceException(
                            "Cannot connect to " + endpoint + ": " + f.cause().getMessage(), f.cause()));
                    return;
                }
                Channel channel = connecting.channel();
                boolean tls = useTls && !endpoint.isUnixSocket() && settings.tls().mode() != SslMode.DISABLE;
                if (tls) {
                    requestTls(channel, endpoint, settings, sink);
                } else {
                    start(channel, address, settings, null, sink);
                }
            });
        });
    }

    private static void requestTls(Channel channel, ServerAddress endpoint, ConnectSettings settings, MonoSink<Session> sink) {
        channel.pipeline().addLast("tls-answer", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) {
                ByteBuf answer = (ByteBuf) message;
                try {
                    ctx.pipeline().remove(this);
                    if (answer.readableBytes() != 1) {
                        // Bytes after the answer would be unencrypted data injected before TLS starts.
                        fail(channel, sink, new R2dbcNonTransientResourceException("Unexpected data after the server's answer to SSLRequest"));
                    } else if (answer.getByte(answer.readerIndex()) == 'S') {
                        startTls(channel, endpoint, settings, sink);
                    } else if (requiresTls(settings.tls().mode())) {
                        fail(channel, sink, new R2dbcNonTransientResourceException(
                                "The server at " + endpoint + " does not support TLS, but sslmode=" + settings.tls().mode().libpqName() + " requires it"));
                    } else {
                        start(channel, channel.remoteAddress(), settings, null, sink);
                    }
                } finally {
                    answer.release();
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                sink.error(new R2dbcNonTransientResourceException("The server at " + endpoint + " closed the connection during TLS negotiation"));
            }
        });
        ByteBuf request = channel.alloc().ioBuffer(8);
        SslRequest.INSTANCE.encode(request);
        channel.writeAndFlush(request);
    }

    private static void startTls(Channel channel, ServerAddress endpoint, ConnectSettings settings, MonoSink<Session> sink) {
        SslHandler handler;
        try {
            handler = settings.tls().newHandler(channel.alloc(), endpoint.host(), endpoint.port());
        } catch (SSLException e) {
            fail(channel, sink, new R2dbcNonTransientResourceException("TLS setup failed: " + e.getMessage(), e));
            return;
        }
        channel.pipeline().addFirst("tls", handler);
        // A failed handshake is reported through the handshake future; stop it reaching the pipeline's tail.
        channel.pipeline().addLast("tls-failure", new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            }
        });
        handler.handshakeFuture().addListener(done -> {
            if (!done.isSuccess()) {
                fail(channel, sink, new R2dbcNonTransientResourceException(
                        "TLS handshake with " + endpoint + " failed: " + done.cause().getMessage(), done.cause()));
                return;
            }
            byte[] binding = null;
            Certificate[] peer = handler.engine().getSession().getPeerCertificates();
            if (peer.length > 0 && peer[0] instanceof X509Certificate certificate) {
                binding = ScramChannelBinding.serverEndPoint(certificate);
            }
            start(channel, channel.remoteAddress(), settings, binding, sink);
        });
    }

    private static void start(Channel channel, SocketAddress address, ConnectSettings settings,
                              byte[] channelBinding, MonoSink<Session> sink) {
        Session session = new Session(channel, address);
        if (channel.pipeline().get("tls-failure") != null) {
            channel.pipeline().remove("tls-failure");
        }
        channel.pipeline().addLast("framer", new BackendFramer(settings.maxMessageLength(), session));
        channel.pipeline().addLast("session", new SessionHandler(session));
        session.submit(new StartupExchange(session, settings.startupParameters(), settings.password(), channelBinding, sink));
    }

    private static void fail(Channel channel, MonoSink<Session> sink, Throwable cause) {
        sink.error(cause);
        channel.close();
    }

    private static boolean requiresTls(SslMode mode) {
        return mode == SslMode.REQUIRE || mode == SslMode.VERIFY_CA || mode == SslMode.VERIFY_FULL;
    }
}
