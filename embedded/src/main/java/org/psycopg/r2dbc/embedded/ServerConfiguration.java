// Writes the embedded server's settings file and pg_hba.conf.
package org.psycopg.r2dbc.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration the tests need: logical replication, two-phase commit, TLS, every authentication
 * method, and durability traded for speed. The settings go into their own file that the data folder's
 * {@code postgresql.conf} includes, so {@code ALTER SYSTEM} still overrides them.
 */
final class ServerConfiguration {

    static final String LOOPBACK = "127.0.0.1";

    private ServerConfiguration() {
    }

    /** Makes the data folder's {@code postgresql.conf} read {@code settingsFile} after its own settings. */
    static void include(Path dataFolder, Path settingsFile) throws IOException {
        Files.writeString(dataFolder.resolve("postgresql.conf"), "\ninclude " + quote(settingsFile.toString()) + "\n",
                StandardOpenOption.APPEND);
    }

    /** Writes the server's settings for {@code port}. */
    static void writeSettings(ServerDirectory directory, int port, TlsFiles tls) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", LOOPBACK);
        settings.put("port", Integer.toString(port));
        settings.put("unix_socket_directories", directory.socket().toString());
        settings.put("max_connections", "200");
        settings.put("hba_file", directory.hbaFile().toString());
        settings.put("password_encryption", "scram-sha-256");
        settings.put("ssl", "on");
        settings.put("ssl_cert_file", tls.serverCertificate().toString());
        settings.put("ssl_key_file", tls.serverKey().toString());
        settings.put("ssl_ca_file", tls.certificateAuthority().toString());
        settings.put("wal_level", "logical");
        settings.put("max_wal_senders", "10");
        settings.put("max_replication_slots", "10");
        settings.put("max_prepared_transactions", "10");
        // a test server's data is thrown away: durability would only cost time
        settings.put("fsync", "off");
        settings.put("synchronous_commit", "off");
        settings.put("full_page_writes", "off");
        settings.put("shared_preload_libraries", "");
        settings.put("log_destination", "stderr");
        settings.put("logging_collector", "off");
        settings.put("lc_messages", "C");

        StringBuilder text = new StringBuilder("# r2dbc-psycopg embedded server\n");
        settings.forEach((name, value) -> text.append(name).append(" = ").append(quote(value)).append('\n'));
        Files.writeString(directory.settingsFile(), text);
    }

    /**
     * Writes {@code pg_hba.conf}: the Unix socket trusts everyone (the bootstrap and
     * {@link EmbeddedPostgres#execute} use it); over TCP each {@link AuthRole} meets exactly its own
     * method, the roles that require TLS are rejected without it, and every other role, the superuser
     * included, uses SCRAM, for databases and for replication alike.
     */
    static void writeHba(Path file) throws IOException {
        StringBuilder hba = new StringBuilder("# r2dbc-psycopg embedded server: first matching line wins\n");
        line(hba, "local", "all", "all", "", "trust");
        line(hba, "local", "replication", "all", "", "trust");
        for (AuthRole role : AuthRole.values()) {
            if (role.requiresSsl()) {
                line(hba, "hostnossl", "all", role.roleName(), LOOPBACK + "/32", "reject");
                line(hba, "hostssl", "all", role.roleName(), LOOPBACK + "/32", role.hbaMethod());
            } else {
                line(hba, "host", "all", role.roleName(), LOOPBACK + "/32", role.hbaMethod());
            }
        }
        line(hba, "host", "replication", "all", LOOPBACK + "/32", "scram-sha-256");
        line(hba, "host", "all", "all", LOOPBACK + "/32", "scram-sha-256");
        Files.writeString(file, hba);
    }

    private static void line(StringBuilder hba, String type, String database, String user, String address, String method) {
        hba.append(String.format("%-10s %-12s %-14s %-14s %s%n", type, database, user, address, method));
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
