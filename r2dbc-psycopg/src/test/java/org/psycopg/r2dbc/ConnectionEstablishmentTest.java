package org.psycopg.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.embedded.EmbeddedPostgres;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class ConnectionEstablishmentTest {

    private final EmbeddedPostgres server = EmbeddedPostgres.shared();

    private static String single(PsycopgConnection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute())
                .flatMap(result -> result.map(row -> row.get(0, String.class))).single().block(TestDatabase.TIMEOUT);
    }

    private static <T> T withConnection(PsycopgConnectionConfiguration configuration, java.util.function.Function<PsycopgConnection, T> body) {
        PsycopgConnection connection = new PsycopgConnectionFactory(configuration).create().block(TestDatabase.TIMEOUT);
        try {
            return body.apply(connection);
        } finally {
            connection.close().block(TestDatabase.TIMEOUT);
        }
    }

    @Test
    void connectsThroughTheUnixSocket() {
        PsycopgConnectionConfiguration configuration = TestDatabase.configuration()
                .host(server.socketDirectory().toString(), server.port()).build();
        assertEquals("", withConnection(configuration, c -> single(c, "SELECT coalesce(inet_client_addr()::text, '')")));
    }

    @Test
    void startupParametersReachTheSession() {
        PsycopgConnectionConfiguration configuration = TestDatabase.configuration()
                .applicationName("quick check").options("-c search_path=pg_catalog,public")
                .startupParameter("TimeZone", "Asia/Kolkata").statementTimeout(Duration.ofSeconds(7)).build();
        withConnection(configuration, c -> {
            assertEquals("quick check", single(c, "SHOW application_name"));
            assertEquals("pg_catalog,public", single(c, "SHOW search_path"));
            assertEquals("Asia/Kolkata", single(c, "SHOW TimeZone"));
            assertEquals("7s", single(c, "SHOW statement_timeout"));
            assertEquals("Asia/Kolkata", c.info().parameter("TimeZone"));
            assertTrue(c.info().serverVersion().startsWith("17"), c.info().serverVersion());
            assertTrue(c.info().backendPid() > 0);
            return null;
        });
    }

    @Test
    void theUrlFormWorksThroughConnectionFactories() {
        ConnectionFactory factory = ConnectionFactories.get(server.r2dbcUrl() + "?sslmode=disable&application_name=from-url");
        assertEquals("PostgreSQL", factory.getMetadata().getName());
        String name = Mono.from(factory.create()).flatMap(c -> Mono.from(c.createStatement("SHOW application_name").execute())
                        .flatMap(r -> Mono.from(r.map(row -> row.get(0, String.class))))
                        .flatMap(v -> Mono.from(c.close()).thenReturn(v)))
                .block(TestDatabase.TIMEOUT);
        assertEquals("from-url", name);
    }

    @Test
    void aBadUrlOptionNamesTheOptionAndTheValue() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConnectionFactories.get(server.r2dbcUrl() + "?sslmode=sometimes"));
        assertTrue(error.getMessage().contains("sslmode") && error.getMessage().contains("sometimes"), error.getMessage());
    }

    @Test
    void connectTimeoutBoundsAServerThatNeverAnswers() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PsycopgConnectionConfiguration configuration = TestDatabase.configuration()
                    .host("127.0.0.1", silent.getLocalPort()).sslMode(SslMode.DISABLE)
                    .connectTimeout(Duration.ofMillis(500)).build();
            long start = System.nanoTime();
            assertThrows(R2dbcTimeoutException.class,
                    () -> new PsycopgConnectionFactory(configuration).create().block(TestDatabase.TIMEOUT));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 10_000);
        }
    }

    @Test
    void aRefusedHostFallsThroughToTheNextOne() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        PsycopgConnectionConfiguration configuration = TestDatabase.configuration()
                .host("127.0.0.1", closedPort).addHost("127.0.0.1", server.port()).build();
        assertEquals("1", withConnection(configuration, c -> single(c, "SELECT 1")));
        PsycopgConnectionConfiguration none = TestDatabase.configuration().host("127.0.0.1", closedPort).build();
        R2dbcNonTransientResourceException error = assertThrows(R2dbcNonTransientResourceException.class,
                () -> new PsycopgConnectionFactory(none).create().block(TestDatabase.TIMEOUT));
        assertTrue(error.getMessage().contains(String.valueOf(closedPort)), error.getMessage());
    }

    @Test
    void targetSessionAttrsSkipsAServerThatDoesNotMatch() {
        server.execute("ALTER ROLE scram_user SET default_transaction_read_only = on");
        try {
            PsycopgConnectionConfiguration readOnlyUser = TestDatabase.configuration().user("scram_user").password("scram_pw")
                    .targetSessionAttrs(TargetSessionAttrs.READ_WRITE).build();
            R2dbcNonTransientResourceException error = assertThrows(R2dbcNonTransientResourceException.class,
                    () -> new PsycopgConnectionFactory(readOnlyUser).create().block(TestDatabase.TIMEOUT));
            assertTrue(error.getMessage().contains("read-write"), error.getMessage());
            PsycopgConnectionConfiguration readOnly = TestDatabase.configuration().user("scram_user").password("scram_pw")
                    .targetSessionAttrs(TargetSessionAttrs.READ_ONLY).build();
            assertEquals("on", withConnection(readOnly, c -> single(c, "SHOW default_transaction_read_only")));
        } finally {
            server.execute("ALTER ROLE scram_user RESET default_transaction_read_only");
        }
    }

    @Test
    void connectionsOfOneFactoryAreSpreadOverTheEventLoops() {
        PsycopgConnectionFactory factory = TestDatabase.factory();
        List<PsycopgConnection> connections = new ArrayList<>();
        try {
            Set<Thread> loops = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                PsycopgConnection connection = factory.create().block(TestDatabase.TIMEOUT);
                connections.add(connection);
                loops.add(Flux.from(connection.createStatement("SELECT 1").execute())
                        .flatMap(r -> r.map(row -> Thread.currentThread())).blockLast(TestDatabase.TIMEOUT));
            }
            assertEquals(Math.min(4, Runtime.getRuntime().availableProcessors()), loops.size());
        } finally {
            connections.forEach(c -> c.close().block(TestDatabase.TIMEOUT));
        }
    }

    @Test
    void closeSendsTerminateAndIsIdempotent() {
        PsycopgConnection connection = TestDatabase.connect();
        int pid = connection.info().backendPid();
        connection.close().block(TestDatabase.TIMEOUT);
        connection.close().block(TestDatabase.TIMEOUT);
        PsycopgConnection observer = TestDatabase.connect();
        try {
            // The backend ends as soon as it reads Terminate; poll pg_stat_activity until it is gone.
            String gone = Flux.interval(Duration.ofMillis(20)).onBackpressureDrop()
                    .concatMap(tick -> Flux.from(observer.createStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = $1").bind(0, pid).execute())
                            .flatMap(r -> r.map(row -> row.get(0, Long.class))))
                    .filter(count -> count == 0).next().map(c -> "gone").block(TestDatabase.TIMEOUT);
            assertEquals("gone", gone);
            assertNotEquals(pid, observer.info().backendPid());
        } finally {
            observer.close().block(TestDatabase.TIMEOUT);
        }
    }

}
