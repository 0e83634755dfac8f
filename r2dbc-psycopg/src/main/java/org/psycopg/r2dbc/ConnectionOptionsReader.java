// Reads R2DBC ConnectionFactoryOptions, standard and libpq-named, into a PsycopgConnectionConfiguration.
package org.psycopg.r2dbc;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.r2dbc.spi.ConnectionFactoryOptions.CONNECT_TIMEOUT;
import static io.r2dbc.spi.ConnectionFactoryOptions.DATABASE;
import static io.r2dbc.spi.ConnectionFactoryOptions.DRIVER;
import static io.r2dbc.spi.ConnectionFactoryOptions.HOST;
import static io.r2dbc.spi.ConnectionFactoryOptions.LOCK_WAIT_TIMEOUT;
import static io.r2dbc.spi.ConnectionFactoryOptions.PASSWORD;
import static io.r2dbc.spi.ConnectionFactoryOptions.PORT;
import static io.r2dbc.spi.ConnectionFactoryOptions.PROTOCOL;
import static io.r2dbc.spi.ConnectionFactoryOptions.SSL;
import static io.r2dbc.spi.ConnectionFactoryOptions.STATEMENT_TIMEOUT;
import static io.r2dbc.spi.ConnectionFactoryOptions.USER;

/**
 * The reading behind {@link PsycopgConnectionConfiguration#fromOptions}, which documents the
 * options and their values. One reader per call; not shared.
 */
final class ConnectionOptionsReader {

    private static final Option<String> HOST_ADDRESS = Option.valueOf("hostaddr");
    private static final Option<SslMode> SSL_MODE = Option.valueOf("sslmode");
    private static final Option<SslMode> SSL_MODE_ALIAS = Option.valueOf("sslMode");
    private static final Option<String> SSL_ROOT_CERT = Option.valueOf("sslrootcert");
    private static final Option<String> SSL_ROOT_CERT_ALIAS = Option.valueOf("sslRootCert");
    private static final Option<String> SSL_CERT = Option.valueOf("sslcert");
    private static final Option<String> SSL_CERT_ALIAS = Option.valueOf("sslCert");
    private static final Option<String> SSL_KEY = Option.valueOf("sslkey");
    private static final Option<String> SSL_KEY_ALIAS = Option.valueOf("sslKey");
    private static final Option<CharSequence> SSL_PASSWORD = Option.sensitiveValueOf("sslpassword");
    private static final Option<CharSequence> SSL_PASSWORD_ALIAS = Option.sensitiveValueOf("sslPassword");
    private static final Option<String> APPLICATION_NAME = Option.valueOf("application_name");
    private static final Option<String> APPLICATION_NAME_ALIAS = Option.valueOf("applicationName");
    private static final Option<String> OPTIONS = Option.valueOf("options");
    private static final Option<Integer> CONNECT_TIMEOUT_SECONDS = Option.valueOf("connect_timeout");
    private static final Option<TargetSessionAttrs> TARGET_SESSION_ATTRS = Option.valueOf("target_session_attrs");
    private static final Option<TargetSessionAttrs> TARGET_SESSION_ATTRS_ALIAS = Option.valueOf("targetSessionAttrs");
    private static final Option<String> TIME_ZONE = Option.valueOf("TimeZone");
    private static final Option<String> TIME_ZONE_ALIAS = Option.valueOf("timezone");
    private static final Option<Integer> FETCH_SIZE = Option.valueOf("fetchSize");
    private static final Option<Integer> PREPARED_STATEMENT_CACHE_SIZE = Option.valueOf("preparedStatementCacheSize");
    private static final Option<Integer> PREPARE_THRESHOLD = Option.valueOf("prepareThreshold");
    private static final Option<Integer> MAX_MESSAGE_SIZE = Option.valueOf("maxMessageSize");
    private static final Option<Boolean> TCP_KEEP_ALIVE = Option.valueOf("tcpKeepAlive");
    private static final Option<Boolean> TCP_NO_DELAY = Option.valueOf("tcpNoDelay");
    private static final Option<Boolean> REWRITE_BATCHED_INSERTS = Option.valueOf("rewriteBatchedInserts");

    /** Every option this reader takes. */
    private static final Set<String> KNOWN = Stream.of(
                    DRIVER, PROTOCOL, HOST, PORT, USER, PASSWORD, DATABASE, SSL,
                    CONNECT_TIMEOUT, STATEMENT_TIMEOUT, LOCK_WAIT_TIMEOUT,
                    HOST_ADDRESS, SSL_MODE, SSL_MODE_ALIAS, SSL_ROOT_CERT, SSL_ROOT_CERT_ALIAS, SSL_CERT, SSL_CERT_ALIAS,
                    SSL_KEY, SSL_KEY_ALIAS, SSL_PASSWORD, SSL_PASSWORD_ALIAS,
                    APPLICATION_NAME, APPLICATION_NAME_ALIAS, OPTIONS, CONNECT_TIMEOUT_SECONDS,
                    TARGET_SESSION_ATTRS, TARGET_SESSION_ATTRS_ALIAS, TIME_ZONE, TIME_ZONE_ALIAS,
                    FETCH_SIZE, PREPARED_STATEMENT_CACHE_SIZE, PREPARE_THRESHOLD, MAX_MESSAGE_SIZE,
                    TCP_KEEP_ALIVE, TCP_NO_DELAY, REWRITE_BATCHED_INSERTS)
            .map(Option::name)
            .collect(Collectors.toUnmodifiableSet());

    /** The options of r2dbc-pool, present when the pool wraps this driver; not ours to read. */
    private static final Set<String> POOL = Set.of(
            "acquireRetry", "backgroundEvictionInterval", "initialSize", "maxSize", "minIdle",
            "maxAcquireTime", "maxCreateConnectionTime", "maxIdleTime", "maxLifeTime",
            "maxValidationTime", "poolName", "registerJmx", "postAllocate", "preRelease",
            "validationQuery", "validationDepth");

    private final ConnectionFactoryOptions options;
    private final PsycopgConnectionConfiguration.Builder builder = PsycopgConnectionConfiguration.builder();

    private ConnectionOptionsReader(ConnectionFactoryOptions options) {
        this.options = options;
    }

    static PsycopgConnectionConfiguration read(ConnectionFactoryOptions options) {
        refuseUnknownNames(options);
        return new ConnectionOptionsReader(options).read();
    }

    private PsycopgConnectionConfiguration read() {
        Value protocol = find(PROTOCOL);
        if (protocol != null && !protocol.text().isEmpty()) {
            throw protocol.invalid("this driver has no sub-protocols: write r2dbc:psycopg://...");
        }
        readHosts();
        readText(builder::user, USER);
        readSecret(builder::password, PASSWORD);
        readText(builder::database, DATABASE);
        readSslMode();
        readPath(builder::sslRootCert, SSL_ROOT_CERT, SSL_ROOT_CERT_ALIAS);
        readPath(builder::sslCert, SSL_CERT, SSL_CERT_ALIAS);
        readPath(builder::sslKey, SSL_KEY, SSL_KEY_ALIAS);
        readSecret(builder::sslPassword, SSL_PASSWORD, SSL_PASSWORD_ALIAS);
        readText(builder::applicationName, APPLICATION_NAME, APPLICATION_NAME_ALIAS);
        readText(builder::options, OPTIONS);
        read(zone -> builder.startupParameter("TimeZone", zone), Value::timeZone, TIME_ZONE, TIME_ZONE_ALIAS);
        readConnectTimeout();
        read(builder::statementTimeout, Value::duration, STATEMENT_TIMEOUT);
        read(builder::lockWaitTimeout, Value::duration, LOCK_WAIT_TIMEOUT);
        read(builder::targetSessionAttrs,
                value -> value.libpqEnum(TargetSessionAttrs.class, TargetSessionAttrs::libpqName),
                TARGET_SESSION_ATTRS, TARGET_SESSION_ATTRS_ALIAS);
        read(builder::fetchSize, Value::wholeNumber, FETCH_SIZE);
        read(builder::preparedStatementCacheSize, Value::wholeNumber, PREPARED_STATEMENT_CACHE_SIZE);
        read(builder::prepareThreshold, Value::wholeNumber, PREPARE_THRESHOLD);
        read(builder::maxMessageSize, Value::wholeNumber, MAX_MESSAGE_SIZE);
        read(builder::tcpKeepAlive, Value::bool, TCP_KEEP_ALIVE);
        read(builder::tcpNoDelay, Value::bool, TCP_NO_DELAY);
        read(builder::rewriteBatchedInserts, Value::bool, REWRITE_BATCHED_INSERTS);
        return builder.build();
    }

    /**
     * libpq's host, hostaddr and port lists: one port for all hosts or one per host, one address
     * per host (an empty one resolves the host); a URL may put a port on each host.
     */
    private void readHosts() {
        Value host = find(HOST);
        Value hostAddress = find(HOST_ADDRESS);
        Value port = find(PORT);
        List<String> addresses = hostAddress == null ? null : Arrays.asList(hostAddress.text().split(",", -1));
        List<String> entries = host != null ? Arrays.asList(host.text().split(",", -1))
                : addresses != null ? addresses : List.of("");
        List<Integer> ports = port == null ? List.of() : port.ports();
        if (ports.size() > 1 && ports.size() != entries.size()) {
            throw port.invalid("expected one port for all " + entries.size() + " hosts or one port per host");
        }
        if (addresses != null && addresses.size() != entries.size()) {
            throw hostAddress.invalid("expected one address for each of the " + entries.size() + " hosts");
        }
        List<ServerAddress> servers = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            int listedPort = ports.isEmpty() ? ServerAddress.DEFAULT_PORT : ports.get(ports.size() == 1 ? 0 : i);
            ServerAddress server = host != null ? host.address(entries.get(i).trim(), listedPort)
                    : new ServerAddress(addresses != null ? addresses.get(i).trim() : "localhost", listedPort);
            servers.add(addresses == null || addresses.get(i).isBlank() ? server
                    : hostAddress.hostAddress(server, addresses.get(i).trim()));
        }
        builder.hosts(servers);
    }

    /** {@code sslmode} if given, else the R2DBC {@code ssl} flag: true is require, false disable. */
    private void readSslMode() {
        Value sslMode = find(SSL_MODE, SSL_MODE_ALIAS);
        if (sslMode != null) {
            builder.sslMode(sslMode.libpqEnum(SslMode.class, SslMode::libpqName));
            return;
        }
        Value ssl = find(SSL);
        if (ssl != null) {
            builder.sslMode(ssl.bool() ? SslMode.REQUIRE : SslMode.DISABLE);
        }
    }

    /** R2DBC's {@code connectTimeout} if given, else libpq's {@code connect_timeout} in seconds. */
    private void readConnectTimeout() {
        if (find(CONNECT_TIMEOUT) != null) {
            read(builder::connectTimeout, Value::duration, CONNECT_TIMEOUT);
        } else {
            read(builder::connectTimeout, Value::libpqSeconds, CONNECT_TIMEOUT_SECONDS);
        }
    }

    private void readText(Consumer<String> setter, Option<?>... names) {
        read(setter, Value::text, names);
    }

    private void readPath(Consumer<String> setter, Option<?>... names) {
        read(setter, Value::path, names);
    }

    /** Reads a password: a refused value is not repeated in the message. */
    private void readSecret(Consumer<CharSequence> setter, Option<?>... names) {
        Value value = find(true, names);
        if (value != null) {
            setter.accept(value.sensitiveText());
        }
    }

    /** Reads the first of the names present, and hands the setter's complaint back naming the option. */
    private <T> void read(Consumer<T> setter, Function<Value, T> parse, Option<?>... names) {
        Value value = find(names);
        if (value == null) {
            return;
        }
        T parsed = parse.apply(value);
        try {
            setter.accept(parsed);
        } catch (IllegalArgumentException refused) {
            throw value.invalid(refused.getMessage());
        }
    }

    private Value find(Option<?>... names) {
        return find(false, names);
    }

    private Value find(boolean sensitive, Option<?>... names) {
        for (Option<?> name : names) {
            Object raw = options.getValue(name);
            if (raw != null) {
                return new Value(name.name(), raw, sensitive);
            }
        }
        return null;
    }

    /**
     * Refuses option names that are neither read here, nor r2dbc-pool's, nor dotted.
     * ConnectionFactoryOptions cannot list its options (R2DBC SPI 1.0); its toString renders them
     * as {@code {name=value, name=value}}. Every text between a separator and the next {@code =}
     * is a candidate, kept only when {@code hasOption} confirms it, so a value that contains
     * {@code ", x="} adds no name.
     */
    private static void refuseUnknownNames(ConnectionFactoryOptions options) {
        String text = options.toString();
        String prefix = "{options={";
        int at = text.indexOf(prefix);
        if (at < 0) {
            return;
        }
        at += prefix.length();
        List<String> unknown = new ArrayList<>();
        while (true) {
            int equals = text.indexOf('=', at);
            if (equals < 0) {
                break;
            }
            String name = text.substring(at, equals);
            if (!name.isEmpty() && !name.contains(", ") && !KNOWN.contains(name) && !POOL.contains(name)
                    && name.indexOf('.') < 0 && !unknown.contains(name) && options.hasOption(Option.valueOf(name))) {
                unknown.add(name);
            }
            int separator = text.indexOf(", ", at);
            if (separator < 0) {
                break;
            }
            at = separator + 2;
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown option" + (unknown.size() > 1 ? "s " : " ")
                    + unknown.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "))
                    + " for driver psycopg (options are libpq's keywords, the standard R2DBC ones and "
                    + "fetchSize, preparedStatementCacheSize, prepareThreshold, maxMessageSize, "
                    + "tcpKeepAlive, tcpNoDelay, rewriteBatchedInserts)");
        }
    }

    /** One option's value as given, text or typed, with the conversions the options need. */
    private record Value(String name, Object raw, boolean sensitive) {

        IllegalArgumentException invalid(String expected) {
            return new IllegalArgumentException("Invalid value for option '" + name + "'"
                    + (sensitive ? "" : ": '" + raw + "'") + " (" + expected + ")");
        }

        String text() {
            if (raw instanceof CharSequence) {
                return raw.toString();
            }
            throw invalid("expected text");
        }

        CharSequence sensitiveText() {
            if (raw instanceof CharSequence) {
                return (CharSequence) raw;
            }
            throw invalid("expected text");
        }

        String path() {
            if (raw instanceof CharSequence || raw instanceof Path || raw instanceof File) {
                return raw.toString();
            }
            throw invalid("expected a file path");
        }

        int wholeNumber() {
            if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
                return ((Number) raw).intValue();
            }
            if (raw instanceof Long && (Long) raw == ((Long) raw).intValue()) {
                return ((Long) raw).intValue();
            }
            if (raw instanceof CharSequence) {
                try {
                    return Integer.parseInt(raw.toString().trim());
                } catch (NumberFormatException notWhole) {
                    // reported below
                }
            }
            throw invalid("expected a whole number");
        }

        boolean bool() {
            if (raw instanceof Boolean) {
                return (Boolean) raw;
            }
            if (raw instanceof CharSequence) {
                switch (raw.toString().trim().toLowerCase(Locale.ROOT)) {
                    case "true", "on", "yes", "1":
                        return true;
                    case "false", "off", "no", "0":
                        return false;
                    default:
                        break;
                }
            }
            throw invalid("expected true or false");
        }

        Duration duration() {
            if (raw instanceof Duration) {
                return (Duration) raw;
            }
            if (raw instanceof CharSequence) {
                try {
                    return Duration.parse(raw.toString().trim());
                } catch (DateTimeParseException notIso) {
                    // reported below
                }
            }
            throw invalid("expected an ISO-8601 duration such as PT10S");
        }

        /** libpq's connect_timeout: whole seconds, zero or less for no limit, at least 2. */
        Duration libpqSeconds() {
            if (raw instanceof Duration) {
                return (Duration) raw;
            }
            int seconds;
            try {
                seconds = wholeNumber();
            } catch (IllegalArgumentException notWhole) {
                throw invalid("expected whole seconds");
            }
            return seconds <= 0 ? null : Duration.ofSeconds(Math.max(seconds, 2));
        }

        String timeZone() {
            if (raw instanceof ZoneId) {
                return ((ZoneId) raw).getId();
            }
            if (raw instanceof TimeZone) {
                return ((TimeZone) raw).getID();
            }
            if (raw instanceof CharSequence && !raw.toString().isBlank()) {
                return raw.toString().trim();
            }
            throw invalid("expected a time zone name such as UTC or Europe/Paris");
        }

        /** The constant itself, or its libpq name, or its Java name; case does not matter. */
        <E extends Enum<E>> E libpqEnum(Class<E> type, Function<E, String> libpqName) {
            if (type.isInstance(raw)) {
                return type.cast(raw);
            }
            E[] constants = type.getEnumConstants();
            if (raw instanceof CharSequence) {
                String given = raw.toString().trim();
                for (E constant : constants) {
                    if (libpqName.apply(constant).equalsIgnoreCase(given) || constant.name().equalsIgnoreCase(given)) {
                        return constant;
                    }
                }
            }
            throw invalid("expected one of "
                    + Arrays.stream(constants).map(libpqName).collect(Collectors.joining(", ")));
        }

        /** The port option: a number, or libpq's comma-separated list; an empty entry is 5432. */
        List<Integer> ports() {
            List<String> entries = raw instanceof CharSequence
                    ? Arrays.asList(raw.toString().split(",", -1))
                    : List.of(Integer.toString(wholeNumber()));
            List<Integer> ports = new ArrayList<>(entries.size());
            for (String entry : entries) {
                ports.add(entry.isBlank() ? ServerAddress.DEFAULT_PORT : port(entry.trim()));
            }
            return ports;
        }

        /**
         * One entry of the host option: {@code host}, {@code host:port}, {@code [IPv6]},
         * {@code [IPv6]:port}, a bare IPv6 address, or a Unix-socket directory (with
         * {@code :port} when a URL's authority gave one); an empty entry is localhost.
         */
        ServerAddress address(String entry, int listedPort) {
            String host = entry;
            String port = null;
            if (entry.startsWith("[")) {
                int close = entry.indexOf(']');
                String rest = close < 0 ? "" : entry.substring(close + 1);
                if (close < 0 || !(rest.isEmpty() || rest.startsWith(":"))) {
                    throw invalid("expected [IPv6 address] or [IPv6 address]:port");
                }
                host = entry.substring(1, close);
                port = rest.isEmpty() ? null : rest.substring(1);
            } else {
                int colon = entry.lastIndexOf(':');
                boolean oneColon = colon >= 0 && colon == entry.indexOf(':');
                boolean socketPort = entry.startsWith("/") && colon > 0
                        && entry.substring(colon + 1).chars().allMatch(Character::isDigit);
                if (oneColon && !entry.startsWith("/") || socketPort) {
                    host = entry.substring(0, colon);
                    port = entry.substring(colon + 1);
                }
            }
            if (host.isEmpty()) {
                host = "localhost";
            }
            return new ServerAddress(host, port == null ? listedPort : port(port));
        }

        /** The server reached at an IP address given by libpq's hostaddr. */
        ServerAddress hostAddress(ServerAddress server, String address) {
            try {
                return new ServerAddress(server.host(), server.port(), address);
            } catch (IllegalArgumentException notAnAddress) {
                throw invalid("expected IPv4 or IPv6 addresses");
            }
        }

        private int port(String text) {
            int port;
            try {
                port = Integer.parseInt(text);
            } catch (NumberFormatException notNumber) {
                throw invalid("expected a port number");
            }
            if (port < 1 || port > 65535) {
                throw invalid("expected a port from 1 to 65535");
            }
            return port;
        }
    }
}
