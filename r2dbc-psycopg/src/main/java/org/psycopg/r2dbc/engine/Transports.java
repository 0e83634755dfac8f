// The event-loop group connections run on, and the channel classes that fit it.
package org.psycopg.r2dbc.engine;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.Iterator;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;

/**
 * Chooses native epoll where it loads and NIO otherwise. The default group has one loop per
 * core with daemon threads; {@link EventLoopGroup#next()} hands loops out round-robin, so the
 * connections of a pool are spread over every core.
 */
final class Transports {

    private static final class DefaultGroup {
        static final EventLoopGroup INSTANCE = new MultiThreadIoEventLoopGroup(
                Runtime.getRuntime().availableProcessors(),
                new DefaultThreadFactory("psycopg-loop", true),
                Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    private Transports() {
    }

    static EventLoopGroup defaultGroup() {
        return DefaultGroup.INSTANCE;
    }

    /** The address of a server: a TCP host and port, or for a host that is a directory, its Unix socket. */
    static SocketAddress address(String host, int port, EventLoopGroup group) {
        if (!host.startsWith("/")) {
            return InetSocketAddress.createUnresolved(host, port);
        }
        String path = host + "/.s.PGSQL." + port;
        return isEpoll(group) ? new DomainSocketAddress(path) : UnixDomainSocketAddress.of(path);
    }

    static Class<? extends Channel> channelClass(SocketAddress address, EventLoopGroup group) {
        boolean unix = !(address instanceof InetSocketAddress);
        if (isEpoll(group)) {
            return unix ? EpollDomainSocketChannel.class : EpollSocketChannel.class;
        }
        return unix ? NioDomainSocketChannel.class : NioSocketChannel.class;
    }

    /** Looks at the group's first loop: asking the group itself would take a loop from its round-robin. */
    private static boolean isEpoll(EventLoopGroup group) {
        if (!Epoll.isAvailable()) {
            return false;
        }
        Iterator<EventExecutor> loops = group.iterator();
        return loops.hasNext() && loops.next() instanceof IoEventLoop loop && loop.isIoType(EpollIoHandler.class);
    }
}
