// What the engine needs to open and start one connection.
package org.psycopg.r2dbc.engine;

import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the engine needs for startup: the startup parameters (user, database,
 * application_name, options and any server setting), the password, TLS, timeouts and socket
 * options. {@code group} null means the shared default event-loop group.
 */
public record ConnectSettings(
        Map<String, String> startupParameters,
        CharSequence password,
        TlsSettings tls,
        Duration connectTimeout,
        int maxMessageLength,
        boolean tcpKeepAlive,
        boolean tcpNoDelay,
        EventLoopGroup group) {

    EventLoopGroup eventLoopGroup() {
        return group != null ? group : Transports.defaultGroup();
    }
}
