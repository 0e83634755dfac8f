// An existing PostgreSQL server named by a URL (PSYCOPG_TEST_URL): nothing is started or stopped.
package org.psycopg.r2dbc.embedded;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * A server that runs elsewhere, described by {@code r2dbc:psycopg://user:password@host:port/database?options}
 * (or the {@code r2dbc:postgresql}, {@code postgresql} and {@code postgres} schemes). The port defaults to
 * 5432 and the database to the user's name, as libpq does; the options are kept for {@link #r2dbcUrl()}.
 */
record ExternalPostgres(String host, int port, String database, String user, String password, String options)
        implements PostgresServer {

    private static final Set<String> SCHEMES = Set.of("r2dbc:psycopg", "r2dbc:postgresql", "postgresql", "postgres");

    /**
     * Reads a server's URL.
     *
     * @throws IllegalArgumentException if the URL has another scheme or lacks a host or a user
     */
    static ExternalPostgres parse(String url) {
        String text = url.strip();
        int schemeEnd = text.indexOf("://");
        if (schemeEnd < 0 || !SCHEMES.contains(text.substring(0, schemeEnd))) {
            throw invalid(url, "expected r2dbc:psycopg://user:password@host:port/database or postgresql://...");
        }
        String rest = text.substring(schemeEnd + 3);
        int authorityEnd = indexOfEither(rest, '/', '?');
        String authority = rest.substring(0, authorityEnd);
        String pathAndQuery = rest.substring(authorityEnd);

        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at);
        String hostPort = authority.substring(at + 1);
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));

        String host;
        String portText;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw invalid(url, "unclosed '[' in the host");
            }
            host = hostPort.substring(1, close);
            portText = hostPort.substring(close + 1);
        } else {
            int portColon = hostPort.lastIndexOf(':');
            host = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
            portText = portColon < 0 ? "" : hostPort.substring(portColon);
        }
        if (host.isEmpty() || user.isEmpty()) {
            throw invalid(url, "a host and a user are required");
        }
        int port = portText.isEmpty() || portText.equals(":") ? 5432 : parsePort(url, portText.substring(1));

        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String options = question < 0 ? "" : pathAndQuery.substring(question + 1);
        String database = path.length() > 1 ? decode(path.substring(1)) : user;
        return new ExternalPostgres(host, port, database, user, password, options);
    }

    @Override
    public Optional<EmbeddedPostgres> embedded() {
        return Optional.empty();
    }

    /** The superuser's URL with the options of the URL this server was read from. */
    @Override
    public String r2dbcUrl() {
        String base = PostgresServer.super.r2dbcUrl();
        return options.isEmpty() ? base : base + "?" + options;
    }

    /** Hides the password: this record's text ends up in test reports. */
    @Override
    public String toString() {
        return "ExternalPostgres[" + user + "@" + host + ":" + port + "/" + database + "]";
    }

    private static int indexOfEither(String text, char first, char second) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == first || text.charAt(i) == second) {
                return i;
            }
        }
        return text.length();
    }

    private static int parsePort(String url, String digits) {
        try {
            int port = Integer.parseInt(digits);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(url, "the port must be a number from 1 to 65535");
    }

    /** Percent-decodes one URL part; '+' stays a plus sign, as in URLs outside of forms. */
    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String url, String reason) {
        String shown = url.replaceAll("://([^:/@]*):[^@/]*@", "://$1:***@");
        return new IllegalArgumentException(PostgresServer.URL_VARIABLE + " is not a PostgreSQL URL (" + reason + "): " + shown);
    }
}
