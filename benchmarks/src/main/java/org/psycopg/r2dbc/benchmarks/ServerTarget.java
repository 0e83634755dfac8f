// The PostgreSQL server every client of a run connects to, without TLS.
package org.psycopg.r2dbc.benchmarks;

import org.psycopg.r2dbc.embedded.PostgresServer;

/**
 * Where the clients connect: the embedded server, or the one {@code PSYCOPG_TEST_URL} names. Every
 * client connects with {@code sslmode=disable}, so that no figure includes TLS.
 *
 * @param host     host name or address
 * @param port     TCP port
 * @param user     a superuser's name (the tables are created and truncated as this role)
 * @param password that role's password
 * @param database the database the tables live in
 */
record ServerTarget(String host, int port, String user, String password, String database) {

    /** The server of this JVM, started on first use when it is the embedded one. */
    static ServerTarget shared() {
        PostgresServer server = PostgresServer.shared();
        return new ServerTarget(server.host(), server.port(), server.user(), server.password(), server.database());
    }

    /** {@code jdbc:postgresql://host:port/database?sslmode=disable}. */
    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?sslmode=disable";
    }
}
