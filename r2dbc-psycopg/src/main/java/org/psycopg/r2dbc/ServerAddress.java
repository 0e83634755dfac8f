// One server to connect to: a host name, an IP address or a Unix-socket directory, and a port.
package org.psycopg.r2dbc;

import io.netty.util.NetUtil;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One entry of a configuration's host list, as libpq reads its {@code host}, {@code hostaddr}
 * and {@code port} keywords: a host starting with {@code /} is the directory of a Unix-domain
 * socket, whose file is {@code <directory>/.s.PGSQL.<port>}; any other host is a name or an IP
 * address reached over TCP. With a {@code hostAddress}, the connection goes to that IP address
 * without a name lookup, and {@code host} still names the server for TLS verification
 * ({@code verify-full}) and in messages.
 *
 * @param host        a host name, an IP address, or an absolute Unix-socket directory
 * @param port        the TCP port, or the number in the socket file's name; 1 to 65535
 * @param hostAddress libpq's {@code hostaddr}: the IPv4 or IPv6 address to connect to, or
 *                    {@code null} to resolve {@code host}
 */
public record ServerAddress(String host, int port, String hostAddress) {

    /** The port PostgreSQL listens on unless configured otherwise. */
    public static final int DEFAULT_PORT = 5432;

    /**
     * @throws IllegalArgumentException when the host is empty, the port out of range or the
     *                                  host address not an IP address
     */
    public ServerAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be from 1 to 65535");
        }
        if (hostAddress != null && !NetUtil.isValidIpV4Address(hostAddress) && !NetUtil.isValidIpV6Address(hostAddress)) {
            throw new IllegalArgumentException("hostaddr must be an IPv4 or IPv6 address");
        }
    }

    /**
     * A server reached by its host name or directory.
     *
     * @param host a host name, an IP address, or an absolute Unix-socket directory
     * @param port 1 to 65535
     */
    public ServerAddress(String host, int port) {
        this(host, port, null);
    }

    /** @return whether this is a Unix-domain socket directory rather than a TCP server */
    public boolean isUnixSocket() {
        return hostAddress == null && host.startsWith("/");
    }

    /**
     * @return the socket file, {@code <host>/.s.PGSQL.<port>}
     * @throws IllegalStateException when this is a TCP server
     */
    public Path unixSocketPath() {
        if (!isUnixSocket()) {
            throw new IllegalStateException(this + " is a TCP server, not a Unix-socket directory");
        }
        return Path.of(host, ".s.PGSQL." + port);
    }

    /** @return {@code host:port}, with an IPv6 address in brackets, and the host address if any */
    @Override
    public String toString() {
        String hostPort = (host.indexOf(':') >= 0 && !host.startsWith("/") ? "[" + host + "]" : host) + ":" + port;
        return hostAddress == null ? hostPort : hostPort + " (hostaddr " + hostAddress + ")";
    }
}
