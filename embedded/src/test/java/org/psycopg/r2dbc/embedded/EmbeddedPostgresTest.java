// The embedded server starts once, listens where it says, is configured for the tests, and restarts.
package org.psycopg.r2dbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class EmbeddedPostgresTest {

    private final EmbeddedPostgres postgres;
    private PostgresServer injectedServer;

    EmbeddedPostgresTest(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    @Test
    void constructorFieldAndSharedAccessorsGiveTheSameServer() {
        assertSame(postgres, injectedServer);
        assertSame(postgres, EmbeddedPostgres.shared());
        assertSame(postgres, PostgresServer.shared());
        assertSame(postgres, postgres.embedded().orElseThrow());
    }

    @Test
    void acceptsTcpConnectionsOnItsLoopbackPort() throws Exception {
        assertEquals("127.0.0.1", postgres.host());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(postgres.host(), postgres.port()), 5000);
            assertTrue(socket.isConnected());
        }
        assertTrue(Files.exists(postgres.socketDirectory().resolve(".s.PGSQL." + postgres.port())));
    }

    @Test
    void answersSslRequestWithS() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(postgres.host(), postgres.port()), 5000);
            socket.setSoTimeout(5000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(8);
            out.writeInt(80877103);
            out.flush();
            assertEquals('S', socket.getInputStream().read());
        }
    }

    @Test
    void runsTheRequestedVersionWithTheSettingsTheTestsNeed() {
        List<List<String>> rows = postgres.execute("SELECT current_setting('server_version_num')::int / 10000, "
                + "current_setting('wal_level'), current_setting('max_wal_senders'), "
                + "current_setting('max_replication_slots'), current_setting('max_prepared_transactions'), "
                + "current_setting('ssl'), current_setting('password_encryption'), current_setting('fsync'), "
                + "current_setting('max_connections'), current_setting('listen_addresses'), current_setting('port')");
        String major = PostgresBinaries.requestedVersion().split("\\.")[0];
        assertEquals(List.of(List.of(major, "logical", "10", "10", "10", "on", "scram-sha-256", "off", "200",
                "127.0.0.1", Integer.toString(postgres.port()))), rows);
        assertTrue(postgres.serverVersion().startsWith(major + "."), postgres.serverVersion());
    }

    @Test
    void testDatabaseIsOwnedByTheSuperuser() {
        assertEquals(List.of(List.of("test", "test", "t", "t")), postgres.execute(
                "SELECT current_database(), pg_get_userbyid(datdba), rolsuper, rolreplication "
                        + "FROM pg_database, pg_roles WHERE datname = current_database() AND rolname = current_user"));
    }

    @Test
    void md5RoleHasAnMd5HashAndTheOthersScramSecrets() {
        List<List<String>> rows = postgres.execute("SELECT rolname, left(rolpassword, 14) FROM pg_authid "
                + "WHERE rolname IN ('md5_user', 'scram_user', 'password_user', 'tls_user', 'trust_user', 'cert_user')"
                + " ORDER BY rolname");
        Map<String, String> secrets = new TreeMap<>();
        rows.forEach(row -> secrets.put(row.get(0), String.valueOf(row.get(1))));
        assertEquals("md5", secrets.get("md5_user").substring(0, 3));
        assertEquals("SCRAM-SHA-256$", secrets.get("scram_user"));
        assertEquals("SCRAM-SHA-256$", secrets.get("password_user"));
        assertEquals("SCRAM-SHA-256$", secrets.get("tls_user"));
        assertEquals("null", secrets.get("trust_user"));
        assertEquals("null", secrets.get("cert_user"));
    }

    @Test
    void contribExtensionsCanBeCreated() {
        List<List<String>> rows = postgres.execute("BEGIN; CREATE EXTENSION hstore; CREATE EXTENSION citext; "
                + "CREATE EXTENSION pgcrypto; "
                + "SELECT ('a=>1'::hstore) -> 'a', ('ABC'::citext = 'abc'::citext)::text, "
                + "length(digest('x', 'sha256'))::text; ROLLBACK");
        assertEquals(List.of(List.of("1", "true", "32")), rows);
    }

    @Test
    void executeReportsServerErrorsWithTheirSqlState() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> postgres.execute("SELECT * FROM no_such_table"));
        assertTrue(error.getMessage().contains("42P01"), error.getMessage());
    }

    @Test
    void urlsNameTheLoopbackPortAndTestDatabase() {
        int port = postgres.port();
        assertEquals("jdbc:postgresql://127.0.0.1:" + port + "/test", postgres.jdbcUrl());
        assertEquals("r2dbc:psycopg://test:test@127.0.0.1:" + port + "/test", postgres.r2dbcUrl());
        assertEquals("r2dbc:psycopg://scram_user:scram_pw@127.0.0.1:" + port + "/test", postgres.r2dbcUrl(AuthRole.SCRAM));
        assertEquals("r2dbc:psycopg://cert_user@127.0.0.1:" + port + "/test", postgres.r2dbcUrl(AuthRole.CERT));
    }

    @Test
    void tlsFilesArePemAndKeysAreOwnerOnly() throws Exception {
        TlsFiles tls = postgres.tls();
        assertTrue(Files.readString(tls.certificateAuthority()).startsWith("-----BEGIN CERTIFICATE-----\n"));
        assertTrue(Files.readString(tls.clientKey()).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.serverKey())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.clientKey())));
        assertEquals(Files.getOwner(postgres.dataDirectory()), Files.getOwner(tls.serverKey()));
    }

    @Test
    void logFileCollectsTheServerLog() throws Exception {
        assertTrue(Files.readString(postgres.logFile()).contains("database system is ready to accept connections"));
    }

    @Test
    void restartKeepsPortAndDataAndAcceptsConnectionsAgain() throws Exception {
        int port = postgres.port();
        postgres.execute("CREATE TABLE IF NOT EXISTS restart_survivor (id int); "
                + "TRUNCATE restart_survivor; INSERT INTO restart_survivor VALUES (42)");
        String startedBefore = postgres.execute("SELECT pg_postmaster_start_time()::text").get(0).get(0);

        postgres.restart();

        assertEquals(port, postgres.port());
        assertNotEquals(startedBefore, postgres.execute("SELECT pg_postmaster_start_time()::text").get(0).get(0));
        assertEquals(List.of(List.of("42")), postgres.execute("SELECT id FROM restart_survivor"));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(postgres.host(), port), 5000);
            assertTrue(socket.isConnected());
        }
    }
}
