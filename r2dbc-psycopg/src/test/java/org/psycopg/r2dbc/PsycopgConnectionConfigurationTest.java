// Checks the configuration builder: defaults, checks on every setting, hosts and the printed form.
package org.psycopg.r2dbc;

import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.codec.CodecRegistry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PsycopgConnectionConfigurationTest {

    @Test
    void defaultsFollowLibpqAndTheDriver() {
        PsycopgConnectionConfiguration configuration = PsycopgConnectionConfiguration.builder().build();

        assertEquals(List.of(new ServerAddress("localhost", 5432)), configuration.hosts());
        assertEquals(System.getProperty("user.name"), configuration.user());
        assertEquals(configuration.user(), configuration.database());
        assertNull(configuration.password());
        assertEquals(SslMode.PREFER, configuration.sslMode());
        assertNull(configuration.sslRootCert());
        assertNull(configuration.sslCert());
        assertNull(configuration.sslKey());
        assertNull(configuration.sslPassword());
        assertNull(configuration.applicationName());
        assertNull(configuration.options());
        assertEquals(Map.of(), configuration.startupParameters());
        assertNull(configuration.connectTimeout());
        assertNull(configuration.statementTimeout());
        assertNull(configuration.lockWaitTimeout());
        assertEquals(TargetSessionAttrs.ANY, configuration.targetSessionAttrs());
        assertEquals(0, configuration.fetchSize());
        assertEquals(256, configuration.preparedStatementCacheSize());
        assertEquals(5, configuration.prepareThreshold());
        assertEquals(1 << 30, configuration.maxMessageSize());
        assertTrue(configuration.tcpKeepAlive());
        assertTrue(configuration.tcpNoDelay());
        assertNull(configuration.loopResources());
        assertSame(CodecRegistry.defaults(), configuration.codecs());
    }

    @Test
    void everySettingIsKept() {
        CodecRegistry codecs = CodecRegistry.builder().addAll(CodecRegistry.defaults()).build();
        EventLoopGroup loop = new DefaultEventLoopGroup(1);
        try {
            PsycopgConnectionConfiguration configuration = PsycopgConnectionConfiguration.builder()
                    .host("db1.example.com", 5433)
                    .addHost("db2.example.com", 5434)
                    .user("alice")
                    .password("secret")
                    .database("shop")
                    .sslMode(SslMode.VERIFY_FULL)
                    .sslRootCert("/etc/ssl/root.crt")
                    .sslCert("/home/alice/.postgresql/postgresql.crt")
                    .sslKey("/home/alice/.postgresql/postgresql.key")
                    .sslPassword("key secret")
                    .applicationName("billing")
                    .options("-c search_path=shop")
                    .startupParameter("TimeZone", "UTC")
                    .connectTimeout(Duration.ofSeconds(7))
                    .statementTimeout(Duration.ofSeconds(30))
                    .lockWaitTimeout(Duration.ofMillis(500))
                    .targetSessionAttrs(TargetSessionAttrs.READ_WRITE)
                    .fetchSize(100)
                    .preparedStatementCacheSize(64)
                    .prepareThreshold(1)
                    .maxMessageSize(16 << 20)
                    .tcpKeepAlive(false)
                    .tcpNoDelay(false)
                    .loopResources(loop)
                    .codecs(codecs)
                    .build();

            assertEquals(List.of(new ServerAddress("db1.example.com", 5433), new ServerAddress("db2.example.com", 5434)),
                    configuration.hosts());
            assertEquals("alice", configuration.user());
            assertEquals("secret", configuration.password());
            assertEquals("shop", configuration.database());
            assertEquals(SslMode.VERIFY_FULL, configuration.sslMode());
            assertEquals("/etc/ssl/root.crt", configuration.sslRootCert());
            assertEquals("/home/alice/.postgresql/postgresql.crt", configuration.sslCert());
            assertEquals("/home/alice/.postgresql/postgresql.key", configuration.sslKey());
            assertEquals("key secret", configuration.sslPassword());
            assertEquals("billing", configuration.applicationName());
            assertEquals("-c search_path=shop", configuration.options());
            assertEquals(Map.of("TimeZone", "UTC"), configuration.startupParameters());
            assertEquals(Duration.ofSeconds(7), configuration.connectTimeout());
            assertEquals(Duration.ofSeconds(30), configuration.statementTimeout());
            assertEquals(Duration.ofMillis(500), configuration.lockWaitTimeout());
            assertEquals(TargetSessionAttrs.READ_WRITE, configuration.targetSessionAttrs());
            assertEquals(100, configuration.fetchSize());
            assertEquals(64, configuration.preparedStatementCacheSize());
            assertEquals(1, configuration.prepareThreshold());
            assertEquals(16 << 20, configuration.maxMessageSize());
            assertFalse(configuration.tcpKeepAlive());
            assertFalse(configuration.tcpNoDelay());
            assertSame(loop, configuration.loopResources());
            assertSame(codecs, configuration.codecs());
        } finally {
            loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void hostReplacesTheListAndAddHostAppends() {
        PsycopgConnectionConfiguration configuration = PsycopgConnectionConfiguration.builder()
                .addHost("a", 1)
                .host("b")
                .addHost("c", 5433)
                .build();

        assertEquals(List.of(new ServerAddress("b", 5432), new ServerAddress("c", 5433)), configuration.hosts());
    }

    @Test
    void configurationIsImmutable() {
        PsycopgConnectionConfiguration.Builder builder = PsycopgConnectionConfiguration.builder()
                .host("a").startupParameter("TimeZone", "UTC");
        PsycopgConnectionConfiguration configuration = builder.build();

        builder.addHost("b", 5432).startupParameter("DateStyle", "ISO");

        assertEquals(List.of(new ServerAddress("a", 5432)), configuration.hosts());
        assertEquals(Map.of("TimeZone", "UTC"), configuration.startupParameters());
        assertThrows(UnsupportedOperationException.class, () -> configuration.hosts().clear());
        assertThrows(UnsupportedOperationException.class, () -> configuration.startupParameters().clear());
    }

    @Test
    void startupParametersKeepTheirOrder() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("TimeZone", "UTC");
        parameters.put("DateStyle", "ISO, MDY");
        parameters.put("extra_float_digits", "3");

        PsycopgConnectionConfiguration configuration = PsycopgConnectionConfiguration.builder()
                .startupParameters(parameters).build();

        assertEquals(List.of("TimeZone", "DateStyle", "extra_float_digits"),
                List.copyOf(configuration.startupParameters().keySet()));
    }

    @Test
    void startupParametersWithASettingOfTheirOwnAreRefused() {
        for (String name : List.of("user", "database", "options", "application_name")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> PsycopgConnectionConfiguration.builder().startupParameter(name, "x"));
            assertEquals("startup parameter " + name + " has a setting of its own", refused.getMessage());
        }
    }

    @Test
    void outOfRangeNumbersAreRefused() {
        PsycopgConnectionConfiguration.Builder builder = PsycopgConnectionConfiguration.builder();

        assertEquals("fetchSize must be at least 0",
                assertThrows(IllegalArgumentException.class, () -> builder.fetchSize(-1)).getMessage());
        assertEquals("preparedStatementCacheSize must be at least 0",
                assertThrows(IllegalArgumentException.class, () -> builder.preparedStatementCacheSize(-1)).getMessage());
        assertEquals("prepareThreshold must be at least 0",
                assertThrows(IllegalArgumentException.class, () -> builder.prepareThreshold(-1)).getMessage());
        assertEquals("maxMessageSize must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> builder.maxMessageSize(0)).getMessage());
    }

    @Test
    void negativeDurationsAreRefusedAndZeroConnectTimeoutMeansNoLimit() {
        PsycopgConnectionConfiguration.Builder builder = PsycopgConnectionConfiguration.builder();

        assertThrows(IllegalArgumentException.class, () -> builder.connectTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> builder.statementTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> builder.lockWaitTimeout(Duration.ofSeconds(-1)));

        PsycopgConnectionConfiguration configuration = builder
                .connectTimeout(Duration.ZERO)
                .statementTimeout(Duration.ZERO)
                .build();
        assertNull(configuration.connectTimeout());
        assertEquals(Duration.ZERO, configuration.statementTimeout());
    }

    @Test
    void badHostsAreRefused() {
        PsycopgConnectionConfiguration.Builder builder = PsycopgConnectionConfiguration.builder();

        assertThrows(IllegalArgumentException.class, () -> builder.host(" "));
        assertThrows(IllegalArgumentException.class, () -> builder.host("h", 0));
        assertThrows(IllegalArgumentException.class, () -> builder.host("h", 65536));
        assertThrows(IllegalArgumentException.class, () -> builder.hosts(List.of()));
        assertThrows(NullPointerException.class, () -> builder.sslMode(null));
    }

    @Test
    void unixSocketDirectoryNamesTheSocketFileByPort() {
        ServerAddress socket = new ServerAddress("/var/run/postgresql", 5433);
        ServerAddress tcp = new ServerAddress("db.example.com", 5433);

        assertTrue(socket.isUnixSocket());
        assertEquals(Path.of("/var/run/postgresql/.s.PGSQL.5433"), socket.unixSocketPath());
        assertFalse(tcp.isUnixSocket());
        assertThrows(IllegalStateException.class, tcp::unixSocketPath);
    }

    @Test
    void hostAddressConnectsToTheAddressUnderTheHostName() {
        PsycopgConnectionConfiguration configuration = PsycopgConnectionConfiguration.builder()
                .host("other")
                .hostAddress("db.example.com", "127.0.0.1", 5433)
                .build();

        ServerAddress server = configuration.hosts().get(0);
        assertEquals(List.of(server), configuration.hosts());
        assertEquals("db.example.com", server.host());
        assertEquals("127.0.0.1", server.hostAddress());
        assertEquals(5433, server.port());
        assertFalse(new ServerAddress("/tmp", 5432, "127.0.0.1").isUnixSocket());
        assertEquals("hostaddr must be an IPv4 or IPv6 address", assertThrows(IllegalArgumentException.class,
                () -> new ServerAddress("db", 5432, "db.example.com")).getMessage());
    }

    @Test
    void addressesPrintAsHostAndPort() {
        assertEquals("db:5432", new ServerAddress("db", 5432).toString());
        assertEquals("[::1]:5433", new ServerAddress("::1", 5433).toString());
        assertEquals("/tmp:5432", new ServerAddress("/tmp", 5432).toString());
        assertEquals("db:5432 (hostaddr 10.0.0.1)", new ServerAddress("db", 5432, "10.0.0.1").toString());
    }

    @Test
    void printedFormHidesPasswords() {
        String printed = PsycopgConnectionConfiguration.builder()
                .host("db").user("alice").password("top-secret").sslPassword("key-secret").build().toString();

        assertTrue(printed.contains("hosts=[db:5432]"), printed);
        assertTrue(printed.contains("user=alice"), printed);
        assertTrue(printed.contains("password=REDACTED"), printed);
        assertTrue(printed.contains("sslPassword=REDACTED"), printed);
        assertTrue(printed.contains("sslMode=prefer"), printed);
        assertFalse(printed.contains("top-secret"), printed);
        assertFalse(printed.contains("key-secret"), printed);
    }
}
