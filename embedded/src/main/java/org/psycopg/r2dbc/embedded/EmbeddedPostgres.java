// The embedded PostgreSQL server: one per JVM, from Maven-shipped binaries, configured for the tests.
package org.psycopg.r2dbc.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started by this JVM for tests and examples.
 *
 * <p>{@link #shared()} starts it once per JVM from the {@code io.zonky.test.postgres} binaries on the
 * classpath (version {@value #VERSION_PROPERTY}, by default the build's), in a fresh temporary folder,
 * listening on a free port of 127.0.0.1 and on a Unix socket, and stops it and deletes the folder when
 * the JVM exits. When the JVM runs as root, the server runs as {@code nobody}.
 *
 * <p>The server has database {@value #DATABASE} owned by the superuser {@value #SUPERUSER} (password
 * {@value #SUPERUSER_PASSWORD}, SCRAM over TCP, allowed to replicate), one role per authentication
 * method ({@link AuthRole}), TLS with certificates from a generated authority ({@link #tls()}),
 * {@code wal_level=logical}, 10 WAL senders and replication slots, 10 prepared transactions, 200
 * connections, English messages, and no durability (fsync off). The contrib extensions that the
 * binaries ship (hstore, citext, pgcrypto, test_decoding...) can be created.
 *
 * <p>Thread-safe. The accessors never change, {@link #restart()} included.
 */
public final class EmbeddedPostgres implements PostgresServer {

    /** The system property naming the binaries version to run, such as {@code 16.10.0}. */
    public static final String VERSION_PROPERTY = "psycopg.test.postgres.version";
    /** The test database. */
    public static final String DATABASE = "test";
    /** The superuser, owner of the test database. */
    public static final String SUPERUSER = "test";
    /** The superuser's password. */
    public static final String SUPERUSER_PASSWORD = "test";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static EmbeddedPostgres shared;
    private static RuntimeException startFailure;

    private final Path installation;
    private final ServerAccount account;
    private final ServerDirectory directory;
    private final ServerLog log;
    private final TlsFiles tls;
    private final int port;
    private final String serverVersion;
    private PostmasterProcess postmaster;

    private EmbeddedPostgres(Path installation, ServerAccount account, ServerDirectory directory, ServerLog log,
                             TlsFiles tls, int port, PostmasterProcess postmaster, String serverVersion) {
        this.installation = installation;
        this.account = account;
        this.directory = directory;
        this.log = log;
        this.tls = tls;
        this.port = port;
        this.postmaster = postmaster;
        this.serverVersion = serverVersion;
    }

    /**
     * The embedded server of this JVM, started on the first call (a few seconds at most), stopped by a
     * shutdown hook. This ignores {@value PostgresServer#URL_VARIABLE}; {@link PostgresServer#shared()}
     * honours it.
     *
     * @throws IllegalStateException if the server cannot start; later calls fail the same way at once
     */
    public static synchronized EmbeddedPostgres shared() {
        if (shared == null && startFailure == null) {
            try {
                shared = start();
                Runtime.getRuntime().addShutdownHook(new Thread(shared::stopAndDelete, "embedded-postgres-shutdown"));
            } catch (IOException e) {
                startFailure = new UncheckedIOException(e.getMessage(), e);
            } catch (RuntimeException e) {
                startFailure = e;
            }
        }
        if (startFailure != null) {
            throw new IllegalStateException("the embedded PostgreSQL server could not start", startFailure);
        }
        return shared;
    }

    /** Always {@code 127.0.0.1}. */
    @Override
    public String host() {
        return ServerConfiguration.LOOPBACK;
    }

    @Override
    public int port() {
        return port;
    }

    /** {@value #DATABASE}. */
    @Override
    public String database() {
        return DATABASE;
    }

    /** {@value #SUPERUSER}. */
    @Override
    public String user() {
        return SUPERUSER;
    }

    /** {@value #SUPERUSER_PASSWORD}. */
    @Override
    public String password() {
        return SUPERUSER_PASSWORD;
    }

    /** This server. */
    @Override
    public Optional<EmbeddedPostgres> embedded() {
        return Optional.of(this);
    }

    /**
     * {@code r2dbc:psycopg://role:password@127.0.0.1:port/test} for one authentication role (without
     * {@code :password} for the roles that have none). A URL does not choose TLS: add
     * {@code ?sslmode=...} for {@link AuthRole#TLS} and {@link AuthRole#CERT}.
     */
    public String r2dbcUrl(AuthRole role) {
        return "r2dbc:psycopg://" + role.roleName() + role.password().map(password -> ":" + password).orElse("")
                + "@" + host() + ":" + port + "/" + DATABASE;
    }

    /** The folder of the Unix socket {@code .s.PGSQL.<port>}, where every role is trusted. */
    public Path socketDirectory() {
        return directory.socket();
    }

    /** The data folder. */
    public Path dataDirectory() {
        return directory.data();
    }

    /** The file that holds the server's log (and initdb's output). */
    public Path logFile() {
        return log.file();
    }

    /** The server's version as it reports it ({@code server_version}), such as {@code 17.6}. */
    public String serverVersion() {
        return serverVersion;
    }

    /** The certificate authority, server and client certificates and keys. */
    public TlsFiles tls() {
        return tls;
    }

    /**
     * Runs {@code sql} (one or more statements, as one simple query) as the superuser in the test
     * database over the Unix socket, and returns the rows of every result in order, each value as
     * PostgreSQL's text, null for SQL NULL.
     *
     * @throws IllegalStateException when the server reports an error; the message holds its SQLSTATE
     * @throws UncheckedIOException when the server cannot be reached
     */
    public List<List<String>> execute(String sql) {
        try (SimpleQuerySession session = SimpleQuerySession.open(directory.socket(), port, SUPERUSER, DATABASE)) {
            return session.execute(sql);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run SQL on the embedded server: " + e.getMessage(), e);
        }
    }

    /**
     * Stops the server (fast shutdown: every session is ended) and starts it again on the same port
     * and data folder; returns once it accepts connections again.
     *
     * @throws UncheckedIOException if it does not start again
     */
    public synchronized void restart() {
        postmaster.stop();
        try {
            postmaster = PostmasterProcess.start(installation, directory, account, log);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded server did not start again: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgres[PostgreSQL " + serverVersion + " on " + host() + ":" + port + ", data "
                + directory.data() + "]";
    }

    private synchronized void stopAndDelete() {
        postmaster.stop();
        try {
            directory.delete();
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", directory.root(), e.toString());
        }
    }

    private static EmbeddedPostgres start() throws IOException {
        long started = System.nanoTime();
        for (ServerDirectory abandoned : ServerDirectory.abandoned()) {
            PostmasterProcess.stopAbandoned(abandoned);
            abandoned.delete();
        }
        String version = PostgresBinaries.requestedVersion();
        Path installation = PostgresBinaries.install(version);
        ServerAccount account = ServerAccount.forThisProcess();
        ServerDirectory directory = ServerDirectory.create();
        PostmasterProcess postmaster = null;
        try {
            ServerLog log = ServerLog.create(directory);
            TlsFiles tls = CertificateIssuer.issue(directory.tls());
            ServerConfiguration.writeHba(directory.hbaFile());
            account.own(directory.root());
            PostmasterProcess.initdb(installation, directory, account, log, SUPERUSER);
            ServerConfiguration.include(directory.data(), directory.settingsFile());

            int attempts = 0;
            int port;
            while (true) {
                port = freePort();
                ServerConfiguration.writeSettings(directory, port, tls);
                account.own(directory.settingsFile());
                try {
                    postmaster = PostmasterProcess.start(installation, directory, account, log);
                    break;
                } catch (IOException e) {
                    // another process may have taken the port between its choice and the server's bind
                    if (++attempts == 3) {
                        throw e;
                    }
                }
            }
            String serverVersion = createDatabaseAndRoles(directory, port);
            LOG.info("PostgreSQL {} ready on {}:{} in {} ms, running as {}, log in {}", serverVersion,
                    ServerConfiguration.LOOPBACK, port, (System.nanoTime() - started) / 1_000_000, account.name(),
                    log.file());
            return new EmbeddedPostgres(installation, account, directory, log, tls, port, postmaster, serverVersion);
        } catch (IOException | RuntimeException e) {
            if (postmaster != null) {
                postmaster.stop();
            }
            directory.delete();
            throw e;
        }
    }

    /** Creates the test database and the authentication roles; returns the server's version. */
    private static String createDatabaseAndRoles(ServerDirectory directory, int port) throws IOException {
        try (SimpleQuerySession session = SimpleQuerySession.open(directory.socket(), port, SUPERUSER, "postgres")) {
            session.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + SUPERUSER_PASSWORD + "'");
            session.execute("CREATE DATABASE " + DATABASE + " OWNER " + SUPERUSER);
            StringBuilder roles = new StringBuilder();
            for (AuthRole role : AuthRole.values()) {
                String create = "CREATE ROLE " + role.roleName() + " LOGIN"
                        + role.password().map(password -> " PASSWORD '" + password + "'").orElse("") + ";";
                roles.append(role.storesMd5Password()
                        ? "SET password_encryption = 'md5'; " + create + " RESET password_encryption;"
                        : create);
            }
            session.execute(roles.toString());
            return session.parameters().get("server_version");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(ServerConfiguration.LOOPBACK))) {
            return socket.getLocalPort();
        }
    }
}
