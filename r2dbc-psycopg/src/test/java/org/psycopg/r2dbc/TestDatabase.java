// The test server as connection factories for the driver's tests.
package org.psycopg.r2dbc;

import java.time.Duration;
import org.psycopg.r2dbc.embedded.PostgresServer;

/** Builds configurations and factories for the JVM's shared test server. */
public final class TestDatabase {

    /** Every reactive wait in the tests is bounded by this. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TestDatabase() {
    }

    public static PostgresServer server() {
        return PostgresServer.shared();
    }

    public static PsycopgConnectionConfiguration.Builder configuration() {
        PostgresServer server = server();
        return PsycopgConnectionConfiguration.builder()
                .host(server.host(), server.port())
                .user(server.user())
                .password(server.password())
                .database(server.database());
    }

    public static PsycopgConnectionFactory factory() {
        return new PsycopgConnectionFactory(configuration().build());
    }

    public static PsycopgConnection connect() {
        return factory().create().block(TIMEOUT);
    }
}
