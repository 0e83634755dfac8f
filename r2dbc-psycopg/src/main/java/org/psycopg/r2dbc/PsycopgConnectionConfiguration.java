// The immutable settings of a connection factory.
package org.psycopg.r2dbc;

import io.netty.channel.EventLoopGroup;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.psycopg.r2dbc.codec.CodecRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a {@link PsycopgConnectionFactory} needs to open connections: where the servers are,
 * who connects, TLS, startup parameters, timeouts and the driver's own tuning. Settings that
 * libpq knows carry libpq's meaning and defaults ({@code sslmode}, {@code application_name},
 * {@code options}, {@code connect_timeout}, {@code target_session_attrs}).
 *
 * <p>Built with {@link #builder()} or read from R2DBC options with {@link #fromOptions}.
 * Immutable and safe to share between threads; every value is checked when it is set, so a
 * built configuration is valid.
 */
public final class PsycopgConnectionConfiguration {

    /** Default of {@link #preparedStatementCacheSize()}. */
    public static final int DEFAULT_PREPARED_STATEMENT_CACHE_SIZE = 256;

    /** Default of {@link #prepareThreshold()}. */
    public static final int DEFAULT_PREPARE_THRESHOLD = 5;

    /**
     * Default of {@link #maxMessageSize()}: 1 GiB. PostgreSQL builds no message larger than its
     * one-allocation limit of 1 GB, so no genuine message is refused, while a corrupt length
     * field (up to 2 GiB) is.
     */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 1 << 30;

    /** Startup parameters that have a setting of their own. */
    private static final Set<String> DEDICATED_STARTUP_PARAMETERS =
            Set.of("user", "database", "options", "application_name");

    private final List<ServerAddress> hosts;
    private final String user;
    private final CharSequence password;
    private final String database;
    private final SslMode sslMode;
    private final String sslRootCert;
    private final String sslCert;
    private final String sslKey;
    private final CharSequence sslPassword;
    private final String applicationName;
    private final String options;
    private final Map<String, String> startupParameters;
    private final Duration connectTimeout;
    private final Duration statementTimeout;
    private final Duration lockWaitTimeout;
    private final TargetSessionAttrs targetSessionAttrs;
    private final int fetchSize;
    private final int preparedStatementCacheSize;
    private final int prepareThreshold;
    private final int maxMessageSize;
    private final boolean tcpKeepAlive;
    private final boolean tcpNoDelay;
    private final boolean rewriteBatchedInserts;
    private final EventLoopGroup loopResources;
    private final CodecRegistry codecs;

    private PsycopgConnectionConfiguration(Builder builder) {
        this.hosts = builder.hosts.isEmpty()
                ? List.of(new ServerAddress("localhost", ServerAddress.DEFAULT_PORT))
                : List.copyOf(builder.hosts);
        this.user = builder.user != null ? builder.user : System.getProperty("user.name");
        this.password = builder.password;
        this.database = builder.database != null ? builder.database : this.user;
        this.sslMode = builder.sslMode;
        this.sslRootCert = builder.sslRootCert;
        this.sslCert = builder.sslCert;
        this.sslKey = builder.sslKey;
        this.sslPassword = builder.sslPassword;
        this.applicationName = builder.applicationName;
        this.options = builder.options;
        this.startupParameters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.startupParameters));
        this.connectTimeout = builder.connectTimeout;
        this.statementTimeout = builder.statementTimeout;
        this.lockWaitTimeout = builder.lockWaitTimeout;
        this.targetSessionAttrs = builder.targetSessionAttrs;
        this.fetchSize = builder.fetchSize;
        this.preparedStatementCacheSize = builder.preparedStatementCacheSize;
        this.prepareThreshold = builder.prepareThreshold;
        this.maxMessageSize = builder.maxMessageSize;
        this.tcpKeepAlive = builder.tcpKeepAlive;
        this.tcpNoDelay = builder.tcpNoDelay;
        this.rewriteBatchedInserts = builder.rewriteBatchedInserts;
        this.loopResources = builder.loopResources;
        this.codecs = builder.codecs;
    }

    /** @return a builder with every default set */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads R2DBC connection factory options, those of a URL such as
     * {@code r2dbc:psycopg://user:pw@host:5432/db?sslmode=verify-full&application_name=app}
     * or set programmatically.
     *
     * <p>Standard R2DBC options: {@code host}, {@code port}, {@code user}, {@code password},
     * {@code database}, {@code ssl} ({@code true} means {@code sslmode=require} and
     * {@code false} {@code sslmode=disable}, unless {@code sslmode} is given), {@code connectTimeout},
     * {@code statementTimeout}, {@code lockWaitTimeout} (each a {@link Duration} or an ISO-8601
     * text such as {@code PT10S}), and {@code protocol}, which must be empty: this driver has no
     * sub-protocols.
     *
     * <p>libpq's keywords, with libpq's values: {@code sslmode}, {@code sslrootcert},
     * {@code sslcert}, {@code sslkey}, {@code sslpassword}, {@code application_name},
     * {@code options} (e.g. {@code -c search_path=app}), {@code connect_timeout} (whole seconds;
     * zero or less waits forever, 1 counts as 2, as in libpq; {@code connectTimeout} takes
     * precedence when both are given) and {@code target_session_attrs}. Each has a camel-case
     * alias ({@code sslMode}, {@code sslRootCert}, {@code sslCert}, {@code sslKey},
     * {@code sslPassword}, {@code applicationName}, {@code targetSessionAttrs}).
     * {@code TimeZone} (or {@code timezone}) becomes the {@code TimeZone} startup parameter.
     *
     * <p>This driver's own: {@code fetchSize}, {@code preparedStatementCacheSize},
     * {@code prepareThreshold}, {@code maxMessageSize}, {@code tcpKeepAlive}, {@code tcpNoDelay},
     * {@code rewriteBatchedInserts}.
     *
     * <p>Several hosts are written libpq's way: {@code host=a,b} with either one port for all
     * ({@code port=5432}) or one port per host ({@code port=5432,5433}); a URL's authority may
     * also carry a port per host ({@code r2dbc:psycopg://a:5432,b:5433/db}). A host starting
     * with {@code /} is a Unix-socket directory. libpq's {@code hostaddr} gives one IP address
     * per host (an empty entry resolves that host), see {@link ServerAddress#hostAddress()}.
     *
     * <p>Values from a URL arrive as text; programmatic ones may also be typed ({@code Integer},
     * {@code Boolean}, {@code Duration}, {@link SslMode}, {@link TargetSessionAttrs},
     * {@code java.nio.file.Path}, {@code java.time.ZoneId}). Both are accepted.
     *
     * <p>Unknown option names are refused, as libpq refuses unknown keywords, so that a misspelt
     * option cannot silently drop a setting such as TLS. Two kinds are let through and ignored:
     * the options of r2dbc-pool ({@code initialSize}, {@code maxSize}... which reach the driver
     * when the pool wraps it) and names containing a dot, left for other components. The R2DBC
     * 1.0 SPI has no call that lists the options present; their names are read back from
     * {@code ConnectionFactoryOptions.toString()} and each confirmed with {@code hasOption}, so
     * a future SPI that prints them differently makes this check let everything through rather
     * than refuse valid options.
     *
     * @param options the R2DBC options
     * @return the configuration
     * @throws IllegalArgumentException naming the option and the value when a value cannot be
     *                                  read, or naming the options that are unknown
     */
    public static PsycopgConnectionConfiguration fromOptions(ConnectionFactoryOptions options) {
        return ConnectionOptionsReader.read(options);
    }

    /** @return the servers to try, in order; at least one ({@code localhost:5432} by default) */
    public List<ServerAddress> hosts() {
        return hosts;
    }

    /** @return the user name to connect as; the operating-system user by default, as in libpq */
    public String user() {
        return user;
    }

    /** @return the password, or {@code null} when none was given */
    public CharSequence password() {
        return password;
    }

    /** @return the database to connect to; the user name by default */
    public String database() {
        return database;
    }

    /** @return how TLS is used; {@link SslMode#PREFER} by default */
    public SslMode sslMode() {
        return sslMode;
    }

    /**
     * @return libpq's {@code sslrootcert}: the file of trusted certificate authorities (PEM), or
     *         {@code null} for the JVM's trust store
     */
    public String sslRootCert() {
        return sslRootCert;
    }

    /** @return libpq's {@code sslcert}: the client certificate file (PEM), or {@code null} */
    public String sslCert() {
        return sslCert;
    }

    /** @return libpq's {@code sslkey}: the client certificate's private key file, or {@code null} */
    public String sslKey() {
        return sslKey;
    }

    /** @return libpq's {@code sslpassword}: the password of the private key, or {@code null} */
    public CharSequence sslPassword() {
        return sslPassword;
    }

    /** @return the {@code application_name} startup parameter, or {@code null} to send none */
    public String applicationName() {
        return applicationName;
    }

    /**
     * @return libpq's {@code options}: command-line options for the server process, such as
     *         {@code -c search_path=app -c work_mem=64MB}, or {@code null} to send none
     */
    public String options() {
        return options;
    }

    /**
     * @return further startup parameters, each a server setting applied to the session
     *         ({@code TimeZone}, {@code DateStyle}...), in the order they were set; never
     *         {@code user}, {@code database}, {@code options} or {@code application_name}
     */
    public Map<String, String> startupParameters() {
        return startupParameters;
    }

    /**
     * @return the limit on establishing a connection, TCP, TLS, authentication and the first
     *         ReadyForQuery together, or {@code null} for no limit (the default, as in libpq)
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the session's {@code statement_timeout}, or {@code null} to keep the server's */
    public Duration statementTimeout() {
        return statementTimeout;
    }

    /** @return the session's {@code lock_timeout}, or {@code null} to keep the server's */
    public Duration lockWaitTimeout() {
        return lockWaitTimeout;
    }

    /** @return which server of the host list is accepted; {@link TargetSessionAttrs#ANY} by default */
    public TargetSessionAttrs targetSessionAttrs() {
        return targetSessionAttrs;
    }

    /** @return rows fetched per round trip when a statement sets none; 0 (the default) fetches all at once */
    public int fetchSize() {
        return fetchSize;
    }

    /** @return how many named prepared statements a connection keeps (LRU); 0 keeps none */
    public int preparedStatementCacheSize() {
        return preparedStatementCacheSize;
    }

    /**
     * @return on which execution of the same SQL text on a connection it becomes a named
     *         prepared statement: 1 at once, 5 by default; 0 never uses named statements
     */
    public int prepareThreshold() {
        return prepareThreshold;
    }

    /** @return the largest backend message accepted, in bytes; a longer one closes the connection */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /** @return whether TCP keep-alive is on; {@code true} by default, as libpq's {@code keepalives} */
    public boolean tcpKeepAlive() {
        return tcpKeepAlive;
    }

    /** @return whether Nagle's algorithm is off ({@code TCP_NODELAY}); {@code true} by default */
    public boolean tcpNoDelay() {
        return tcpNoDelay;
    }

    /**
     * @return whether a batch of bindings of a single-row {@code INSERT ... VALUES (...)} runs as
     *         multi-row INSERTs, each statement giving one result for the rows it inserted;
     *         {@code false} by default (one result per binding)
     */
    public boolean rewriteBatchedInserts() {
        return rewriteBatchedInserts;
    }

    /**
     * The one Netty type of the public API, for applications that run their own event loops.
     *
     * @return the event-loop group connections run on, or {@code null} for the driver's own
     */
    public EventLoopGroup loopResources() {
        return loopResources;
    }

    /** @return the codecs connections start with; {@link CodecRegistry#defaults()} by default */
    public CodecRegistry codecs() {
        return codecs;
    }

    /** @return every setting, with passwords hidden */
    @Override
    public String toString() {
        return "PsycopgConnectionConfiguration{hosts=" + hosts
                + ", user=" + user
                + ", password=" + (password == null ? null : "REDACTED")
                + ", database=" + database
                + ", sslMode=" + sslMode.libpqName()
                + ", sslRootCert=" + sslRootCert
                + ", sslCert=" + sslCert
                + ", sslKey=" + sslKey
                + ", sslPassword=" + (sslPassword == null ? null : "REDACTED")
                + ", applicationName=" + applicationName
                + ", options=" + options
                + ", startupParameters=" + startupParameters
                + ", connectTimeout=" + connectTimeout
                + ", statementTimeout=" + statementTimeout
                + ", lockWaitTimeout=" + lockWaitTimeout
                + ", targetSessionAttrs=" + targetSessionAttrs.libpqName()
                + ", fetchSize=" + fetchSize
                + ", preparedStatementCacheSize=" + preparedStatementCacheSize
                + ", prepareThreshold=" + prepareThreshold
                + ", maxMessageSize=" + maxMessageSize
                + ", tcpKeepAlive=" + tcpKeepAlive
                + ", tcpNoDelay=" + tcpNoDelay
                + ", rewriteBatchedInserts=" + rewriteBatchedInserts
                + ", loopResources=" + (loopResources == null ? "driver's own" : "user-supplied")
                + '}';
    }

    /**
     * Collects the settings of a {@link PsycopgConnectionConfiguration}. Every setter checks its
     * value and throws {@link IllegalArgumentException} (or {@link NullPointerException} for a
     * {@code null} where one is not allowed) at once. Not thread-safe.
     */
    public static final class Builder {

        private final List<ServerAddress> hosts = new ArrayList<>();
        private String user;
        private CharSequence password;
        private String database;
        private SslMode sslMode = SslMode.PREFER;
        private String sslRootCert;
        private String sslCert;
        private String sslKey;
        private CharSequence sslPassword;
        private String applicationName;
        private String options;
        private final Map<String, String> startupParameters = new LinkedHashMap<>();
        private Duration connectTimeout;
        private Duration statementTimeout;
        private Duration lockWaitTimeout;
        private TargetSessionAttrs targetSessionAttrs = TargetSessionAttrs.ANY;
        private int fetchSize;
        private int preparedStatementCacheSize = DEFAULT_PREPARED_STATEMENT_CACHE_SIZE;
        private int prepareThreshold = DEFAULT_PREPARE_THRESHOLD;
        private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        private boolean tcpKeepAlive = true;
        private boolean tcpNoDelay = true;
        private boolean rewriteBatchedInserts;
        private EventLoopGroup loopResources;
        private CodecRegistry codecs = CodecRegistry.defaults();

        private Builder() {
        }

        /**
         * Connects to one server on port 5432, replacing any host set before.
         *
         * @param host a host name, an IP address, or a Unix-socket directory starting with {@code /}
         * @return this builder
         */
        public Builder host(String host) {
            return host(host, ServerAddress.DEFAULT_PORT);
        }

        /**
         * Connects to one server, replacing any host set before.
         *
         * @param host a host name, an IP address, or a Unix-socket directory starting with {@code /}
         * @param port the port, 1 to 65535
         * @return this builder
         */
        public Builder host(String host, int port) {
            ServerAddress address = new ServerAddress(host, port);
            hosts.clear();
            hosts.add(address);
            return this;
        }

        /**
         * Connects to one server at an IP address, replacing any host set before: libpq's
         * {@code host} with {@code hostaddr}. No name lookup happens; the host name is the one
         * TLS verification ({@link SslMode#VERIFY_FULL}) checks the certificate against.
         *
         * @param host        the server's name, as its certificate gives it
         * @param hostAddress its IPv4 or IPv6 address
         * @param port        the port, 1 to 65535
         * @return this builder
         */
        public Builder hostAddress(String host, String hostAddress, int port) {
            ServerAddress address = new ServerAddress(host, port, hostAddress);
            hosts.clear();
            hosts.add(address);
            return this;
        }

        /**
         * Appends a server to try after those set before (see {@link #targetSessionAttrs}).
         *
         * @param host a host name, an IP address, or a Unix-socket directory starting with {@code /}
         * @param port the port, 1 to 65535
         * @return this builder
         */
        public Builder addHost(String host, int port) {
            hosts.add(new ServerAddress(host, port));
            return this;
        }

        /**
         * Sets the servers to try, in order, replacing any set before.
         *
         * @param hosts at least one server
         * @return this builder
         */
        public Builder hosts(List<ServerAddress> hosts) {
            List<ServerAddress> copy = List.copyOf(hosts);
            if (copy.isEmpty()) {
                throw new IllegalArgumentException("hosts must name at least one server");
            }
            this.hosts.clear();
            this.hosts.addAll(copy);
            return this;
        }

        /**
         * @param user the user name; {@code null} for the operating-system user
         * @return this builder
         */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /**
         * @param password the password, or {@code null} for none
         * @return this builder
         */
        public Builder password(CharSequence password) {
            this.password = password;
            return this;
        }

        /**
         * @param database the database; {@code null} for the user name
         * @return this builder
         */
        public Builder database(String database) {
            this.database = database;
            return this;
        }

        /**
         * @param sslMode how TLS is used
         * @return this builder
         */
        public Builder sslMode(SslMode sslMode) {
            this.sslMode = Objects.requireNonNull(sslMode, "sslMode");
            return this;
        }

        /**
         * @param sslRootCert the file of trusted certificate authorities (PEM), or {@code null}
         * @return this builder
         */
        public Builder sslRootCert(String sslRootCert) {
            this.sslRootCert = sslRootCert;
            return this;
        }

        /**
         * @param sslCert the client certificate file (PEM), or {@code null}
         * @return this builder
         */
        public Builder sslCert(String sslCert) {
            this.sslCert = sslCert;
            return this;
        }

        /**
         * @param sslKey the client certificate's private key file, or {@code null}
         * @return this builder
         */
        public Builder sslKey(String sslKey) {
            this.sslKey = sslKey;
            return this;
        }

        /**
         * @param sslPassword the password of the private key, or {@code null}
         * @return this builder
         */
        public Builder sslPassword(CharSequence sslPassword) {
            this.sslPassword = sslPassword;
            return this;
        }

        /**
         * @param applicationName the {@code application_name} to report, or {@code null}
         * @return this builder
         */
        public Builder applicationName(String applicationName) {
            this.applicationName = applicationName;
            return this;
        }

        /**
         * @param options libpq's {@code options}, e.g. {@code -c search_path=app}, or {@code null}
         * @return this builder
         */
        public Builder options(String options) {
            this.options = options;
            return this;
        }

        /**
         * Adds a startup parameter: any server setting, applied to the session from its start.
         *
         * @param name  the setting, e.g. {@code TimeZone}; not {@code user}, {@code database},
         *              {@code options} or {@code application_name}, which have their own setters
         * @param value its value
         * @return this builder
         */
        public Builder startupParameter(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("startup parameter name must not be empty");
            }
            if (DEDICATED_STARTUP_PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("startup parameter " + name + " has a setting of its own");
            }
            startupParameters.put(name, value);
            return this;
        }

        /**
         * Adds startup parameters as {@link #startupParameter} does, one by one.
         *
         * @param parameters names and values
         * @return this builder
         */
        public Builder startupParameters(Map<String, String> parameters) {
            parameters.forEach(this::startupParameter);
            return this;
        }

        /**
         * @param connectTimeout the limit on establishing a connection; {@code null} or zero for none
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            requireNotNegative("connectTimeout", connectTimeout);
            this.connectTimeout = connectTimeout == null || connectTimeout.isZero() ? null : connectTimeout;
            return this;
        }

        /**
         * @param statementTimeout the session's {@code statement_timeout} (zero turns it off),
         *                         or {@code null} to keep the server's
         * @return this builder
         */
        public Builder statementTimeout(Duration statementTimeout) {
            this.statementTimeout = requireNotNegative("statementTimeout", statementTimeout);
            return this;
        }

        /**
         * @param lockWaitTimeout the session's {@code lock_timeout} (zero turns it off),
         *                        or {@code null} to keep the server's
         * @return this builder
         */
        public Builder lockWaitTimeout(Duration lockWaitTimeout) {
            this.lockWaitTimeout = requireNotNegative("lockWaitTimeout", lockWaitTimeout);
            return this;
        }

        /**
         * @param targetSessionAttrs which server of the host list to accept
         * @return this builder
         */
        public Builder targetSessionAttrs(TargetSessionAttrs targetSessionAttrs) {
            this.targetSessionAttrs = Objects.requireNonNull(targetSessionAttrs, "targetSessionAttrs");
            return this;
        }

        /**
         * @param fetchSize rows per round trip, 0 for all at once
         * @return this builder
         */
        public Builder fetchSize(int fetchSize) {
            this.fetchSize = requireAtLeast("fetchSize", fetchSize, 0);
            return this;
        }

        /**
         * @param preparedStatementCacheSize named prepared statements kept per connection, 0 for none
         * @return this builder
         */
        public Builder preparedStatementCacheSize(int preparedStatementCacheSize) {
            this.preparedStatementCacheSize =
                    requireAtLeast("preparedStatementCacheSize", preparedStatementCacheSize, 0);
            return this;
        }

        /**
         * @param prepareThreshold the execution of the same SQL on which it becomes a named
         *                         prepared statement; 0 never
         * @return this builder
         */
        public Builder prepareThreshold(int prepareThreshold) {
            this.prepareThreshold = requireAtLeast("prepareThreshold", prepareThreshold, 0);
            return this;
        }

        /**
         * @param maxMessageSize the largest backend message accepted, in bytes
         * @return this builder
         */
        public Builder maxMessageSize(int maxMessageSize) {
            this.maxMessageSize = requireAtLeast("maxMessageSize", maxMessageSize, 1);
            return this;
        }

        /**
         * @param tcpKeepAlive whether TCP keep-alive is on
         * @return this builder
         */
        public Builder tcpKeepAlive(boolean tcpKeepAlive) {
            this.tcpKeepAlive = tcpKeepAlive;
            return this;
        }

        /**
         * @param tcpNoDelay whether {@code TCP_NODELAY} is set
         * @return this builder
         */
        public Builder tcpNoDelay(boolean tcpNoDelay) {
            this.tcpNoDelay = tcpNoDelay;
            return this;
        }

        /**
         * @param rewriteBatchedInserts whether a batch of a single-row {@code INSERT ... VALUES}
         *                              runs as multi-row INSERTs (one result per statement run)
         * @return this builder
         */
        public Builder rewriteBatchedInserts(boolean rewriteBatchedInserts) {
            this.rewriteBatchedInserts = rewriteBatchedInserts;
            return this;
        }

        /**
         * Runs connections on an event-loop group of the application's, which the driver neither
         * creates nor shuts down. The only place the public API takes a Netty type; there is no
         * R2DBC option for it.
         *
         * @param loopResources the group, or {@code null} for the driver's own
         * @return this builder
         */
        public Builder loopResources(EventLoopGroup loopResources) {
            this.loopResources = loopResources;
            return this;
        }

        /**
         * @param codecs the codecs connections start with
         * @return this builder
         */
        public Builder codecs(CodecRegistry codecs) {
            this.codecs = Objects.requireNonNull(codecs, "codecs");
            return this;
        }

        /** @return the configuration */
        public PsycopgConnectionConfiguration build() {
            return new PsycopgConnectionConfiguration(this);
        }

        private static int requireAtLeast(String name, int value, int minimum) {
            if (value < minimum) {
                throw new IllegalArgumentException(name + " must be at least " + minimum);
            }
            return value;
        }

        private static Duration requireNotNegative(String name, Duration value) {
            if (value != null && value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return value;
        }
    }
}
