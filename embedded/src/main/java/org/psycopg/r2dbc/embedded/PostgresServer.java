// A PostgreSQL server that tests and examples connect to: the embedded one, or the one PSYCOPG_TEST_URL names.
package org.psycopg.r2dbc.embedded;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A PostgreSQL server for tests and examples, reachable over TCP with a superuser's credentials.
 *
 * <p>{@link #shared()} answers one server for the whole JVM: the server named by the environment
 * variable {@value #URL_VARIABLE} when it is set, otherwise the {@linkplain EmbeddedPostgres embedded
 * server}, started on first use and stopped when the JVM exits. Everything beyond host, port,
 * database and credentials (the authentication roles, TLS files, the Unix socket, restart, running
 * SQL) exists only on the embedded server and is reached through {@link #embedded()}, which is empty
 * for an external server.
 *
 * <p>Implementations are thread-safe and their accessors never change for the life of the JVM.
 */
public interface PostgresServer {

    /**
     * The environment variable naming an existing server instead of the embedded one, as
     * {@code r2dbc:psycopg://user:password@host:port/database} or
     * {@code postgresql://user:password@host:port/database}.
     */
    String URL_VARIABLE = "PSYCOPG_TEST_URL";

    /**
     * The server of this JVM: the one {@value #URL_VARIABLE} names, else the embedded server,
     * started on the first call.
     *
     * @throws IllegalArgumentException if {@value #URL_VARIABLE} is set but is not a PostgreSQL URL
     * @throws IllegalStateException if the embedded server cannot start
     */
    static PostgresServer shared() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? EmbeddedPostgres.shared() : ExternalPostgres.parse(url);
    }

    /** The host name or IP address the server listens on for TCP connections. */
    String host();

    /** The TCP port. */
    int port();

    /** The database the tests use. */
    String database();

    /** A superuser's name (it may also open replication connections). */
    String user();

    /** That superuser's password. */
    String password();

    /** The embedded server's extra facilities, or empty when the server is an external one. */
    Optional<EmbeddedPostgres> embedded();

    /** {@code jdbc:postgresql://host:port/database}, without credentials. */
    default String jdbcUrl() {
        return "jdbc:postgresql://" + hostAndPort() + "/" + percentEncode(database());
    }

    /** {@code r2dbc:psycopg://user:password@host:port/database}, credentials percent-encoded. */
    default String r2dbcUrl() {
        return "r2dbc:psycopg://" + percentEncode(user()) + ":" + percentEncode(password()) + "@"
                + hostAndPort() + "/" + percentEncode(database());
    }

    /** {@code host:port}, an IPv6 host in brackets as URLs want it. */
    private String hostAndPort() {
        return (host().indexOf(':') >= 0 ? "[" + host() + "]" : host()) + ":" + port();
    }

    /** Percent-encodes every byte of {@code text} but RFC 3986's unreserved characters. */
    private static String percentEncode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
