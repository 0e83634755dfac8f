// Checks PsycopgConnectionConfiguration.fromOptions: R2DBC URLs, libpq keywords, typed values and refusals.
package org.psycopg.r2dbc;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PsycopgConnectionConfigurationOptionsTest {

    private static PsycopgConnectionConfiguration fromUrl(String url) {
        return PsycopgConnectionConfiguration.fromOptions(ConnectionFactoryOptions.parse(url));
    }

    private static ConnectionFactoryOptions.Builder options() {
        return ConnectionFactoryOptions.builder().option(DRIVER, "psycopg");
    }

    private static String refusal(ConnectionFactoryOptions options) {
        return assertThrows(IllegalArgumentException.class,
                () -> PsycopgConnectionConfiguration.fromOptions(options)).getMessage();
    }

    @Test
    void urlWithLibpqKeywordsIsRead() {
        PsycopgConnectionConfiguration configuration = fromUrl("r2dbc:psycopg://user:pw@host:5433/db"
                + "?sslmode=verify-full&application_name=x&connect_timeout=5&options=-c%20search_path%3Dfoo");

        assertEquals(List.of(new ServerAddress("host", 5433)), configuration.hosts());
        assertEquals("user", configuration.user());
        assertEquals("pw", configuration.password().toString());
        assertEquals("db", configuration.database());
        assertEquals(SslMode.VERIFY_FULL, configuration.sslMode());
        assertEquals("x", configuration.applicationName());
        assertEquals(Duration.ofSeconds(5), configuration.connectTimeout());
        assertEquals("-c search_path=foo", configuration.options());
    }

    @Test
    void urlWithOnlyAHostGetsTheDefaults() {
        PsycopgConnectionConfiguration configuration = fromUrl("r2dbc:psycopg://db.example.com");

        assertEquals(List.of(new ServerAddress("db.example.com", 5432)), configuration.hosts());
        assertEquals(System.getProperty("user.name"), configuration.user());
        assertEquals(configuration.user(), configuration.database());
        assertNull(configuration.password());
        assertEquals(SslMode.PREFER, configuration.sslMode());
        assertEquals(TargetSessionAttrs.ANY, configuration.targetSessionAttrs());
        assertNull(configuration.connectTimeout());
        assertNull(configuration.statementTimeout());
        assertNull(configuration.lockWaitTimeout());
        assertEquals(0, configuration.fetchSize());
        assertEquals(256, configuration.preparedStatementCacheSize());
        assertEquals(5, configuration.prepareThreshold());
        assertEquals(1 << 30, configuration.maxMessageSize());
        assertTrue(configuration.tcpKeepAlive());
        assertTrue(configuration.tcpNoDelay());
        assertEquals(Map.of(), configuration.startupParameters());
    }

    @Test
    void noHostMeansLocalhost() {
        PsycopgConnectionConfiguration configuration = PsycopgConnectionConfiguration.fromOptions(
                options().option(PORT, 5433).build());

        assertEquals(List.of(new ServerAddress("localhost", 5433)), configuration.hosts());
    }

    @Test
    void urlAuthorityWithSeveralHostsAndPorts() {
        PsycopgConnectionConfiguration configuration =
                fromUrl("r2dbc:psycopg://u@a:5432,b:5433/db?target_session_attrs=read-write");

        assertEquals(List.of(new ServerAddress("a", 5432), new ServerAddress("b", 5433)), configuration.hosts());
        assertEquals(TargetSessionAttrs.READ_WRITE, configuration.targetSessionAttrs());
    }

    @Test
    void hostListWithOnePortPerHost() {
        PsycopgConnectionConfiguration configuration = PsycopgConnectionConfiguration.fromOptions(
                options().option(HOST, "a,b,c").option(Option.valueOf("port"), "5432,,5434").build());

        assertEquals(List.of(new ServerAddress("a", 5432), new ServerAddress("b", 5432), new ServerAddress("c", 5434)),
                configuration.hosts());
    }

    @Test
    void hostListWithOnePortForAll() {
        PsycopgConnectionConfiguration textPort = PsycopgConnectionConfiguration.fromOptions(
                options().option(HOST, "a, b").option(Option.valueOf("port"), "6000").build());
        PsycopgConnectionConfiguration typedPort = PsycopgConnectionConfiguration.fromOptions(
                options().option(HOST, "a,b").option(PORT, 6001).build());

        assertEquals(List.of(new ServerAddress("a", 6000), new ServerAddress("b", 6000)), textPort.hosts());
        assertEquals(List.of(new ServerAddress("a", 6001), new ServerAddress("b", 6001)), typedPort.hosts());
    }

    @Test
    void portCountMustMatchHostCount() {
        String message = refusal(options().option(HOST, "a,b,c").option(Option.valueOf("port"), "1,2").build());

        assertEquals("Invalid value for option 'port': '1,2' (expected one port for all 3 hosts or one port per host)",
                message);
    }

    @Test
    void unixSocketDirectoryAsHost() {
        PsycopgConnectionConfiguration configuration = PsycopgConnectionConfiguration.fromOptions(
                options().option(HOST, "/tmp").option(PORT, 5433).option(USER, "postgres").build());

        ServerAddress socket = configuration.hosts().get(0);
        assertTrue(socket.isUnixSocket());
        assertEquals("/tmp", socket.host());
        assertEquals(Path.of("/tmp/.s.PGSQL.5433"), socket.unixSocketPath());
    }

    @Test
    void unixSocketDirectoryInUrlAuthority() {
        PsycopgConnectionConfiguration configuration = fromUrl("r2dbc:psycopg://u@%2Fvar%2Frun%2Fpostgresql:5433/db");

        assertEquals(List.of(new ServerAddress("/var/run/postgresql", 5433)), configuration.hosts());
        assertEquals(Path.of("/var/run/postgresql/.s.PGSQL.5433"), configuration.hosts().get(0).unixSocketPath());
    }

    @Test
    void ipv6Addresses() {
        assertEquals(List.of(new ServerAddress("::1", 5433)), fromUrl("r2dbc:psycopg://[::1]:5433/db").hosts());
        assertEquals(List.of(new ServerAddress("::1", 5433), new ServerAddress("fe80::2", 5432)),
                PsycopgConnectionConfiguration.fromOptions(
                        options().option(HOST, "[::1]:5433,fe80::2").build()).hosts());
    }

    @Test
    void hostaddrGivesEachHostItsAddress() {
        PsycopgConnectionConfiguration configuration = PsycopgConnectionConfiguration.fromOptions(options()
                .option(HOST, "db1.example.com,db2.example.com")
                .option(Option.valueOf("hostaddr"), "10.0.0.1,")
                .option(Option.valueOf("port"), "5433")
                .build());

        assertEquals(List.of(new ServerAddress("db1.example.com", 5433, "10.0.0.1"),
                new ServerAddress("db2.example.com", 5433)), configuration.hosts());
    }

    @Test
    void hostaddrWithoutHostNamesTheServersByTheirAddresses() {
        PsycopgConnectionConfiguration configuration = PsycopgConnectionConfiguration.fromOptions(
                options().option(Option.valueOf("hostaddr"), "127.0.0.1,::1").build());

        assertEquals(List.of(new ServerAddress("127.0.0.1", 5432, "127.0.0.1"), new ServerAddress("::1", 5432, "::1")),
                configuration.hosts());
    }

    @Test
    void hostaddrMustBeOneIpAddressPerHost() {
        assertEquals("Invalid value for option 'hostaddr': '10.0.0.1' (expected one address for each of the 2 hosts)",
                refusal(options().option(HOST, "a,b").option(Option.valueOf("hostaddr"), "10.0.0.1").build()));
        assertEquals("Invalid value for option 'hostaddr': 'db.example.com' (expected IPv4 or IPv6 addresses)",
                refusal(options().option(HOST, "a").option(Option.valueOf("hostaddr"), "db.example.com").build()));
    }

    @Test
    void sslTrueMeansRequireUnlessSslmodeIsGiven() {
        assertEquals(SslMode.REQUIRE, fromUrl("r2dbc:psycopg://h/db?ssl=true").sslMode());
        assertEquals(SslMode.REQUIRE, fromUrl("r2dbcs:psycopg://h/db").sslMode());
        assertEquals(SslMode.VERIFY_CA, fromUrl("r2dbc:psycopg://h/db?ssl=true&sslmode=verify-ca").sslMode());
        assertEquals(SslMode.DISABLE, fromUrl("r2dbc:psycopg://h/db?ssl=false").sslMode());
        assertEquals(SslMode.REQUIRE, PsycopgConnectionConfiguration.fromOptions(options().option(SSL, true).build()).sslMode());
    }

    @Test
    void everyLibpqNameOfSslmodeAndTargetSessionAttrs() {
        for (SslMode mode : SslMode.values()) {
            assertEquals(mode, fromUrl("r2dbc:psycopg://h/db?sslmode=" + mode.libpqName()).sslMode());
        }
        for (TargetSessionAttrs attrs : TargetSessionAttrs.values()) {
            assertEquals(attrs, fromUrl("r2dbc:psycopg://h/db?target_session_attrs=" + attrs.libpqName()).targetSessionAttrs());
        }
    }

    @Test
    void urlTextForEveryOtherSetting() {
        PsycopgConnectionConfiguration configuration = fromUrl("r2dbc:psycopg://u@h/db"
                + "?sslrootcert=%2Fetc%2Froot.crt&sslcert=%2Fhome%2Fu%2Fu.crt&sslkey=%2Fhome%2Fu%2Fu.key&sslpassword=kp"
                + "&connectTimeout=PT3S&statementTimeout=PT30S&lockWaitTimeout=PT0.5S&TimeZone=Europe%2FParis"
                + "&fetchSize=100&preparedStatementCacheSize=64&prepareThreshold=0&maxMessageSize=1048576"
                + "&tcpKeepAlive=false&tcpNoDelay=off");

        assertEquals("/etc/root.crt", configuration.sslRootCert());
        assertEquals("/home/u/u.crt", configuration.sslCert());
        assertEquals("/home/u/u.key", configuration.sslKey());
        assertEquals("kp", configuration.sslPassword().toString());
        assertEquals(Duration.ofSeconds(3), configuration.connectTimeout());
        assertEquals(Duration.ofSeconds(30), configuration.statementTimeout());
        assertEquals(Duration.ofMillis(500), configuration.lockWaitTimeout());
        assertEquals(Map.of("TimeZone", "Europe/Paris"), configuration.startupParameters());
        assertEquals(100, configuration.fetchSize());
        assertEquals(64, configuration.preparedStatementCacheSize());
        assertEquals(0, configuration.prepareThreshold());
        assertEquals(1048576, configuration.maxMessageSize());
        assertFalse(configuration.tcpKeepAlive());
        assertFalse(configuration.tcpNoDelay());
    }

    @Test
    void camelCaseAliases() {
        PsycopgConnectionConfiguration configuration = fromUrl("r2dbc:psycopg://h/db?applicationName=app"
                + "&sslMode=require&targetSessionAttrs=standby&sslRootCert=%2Fca.pem&timezone=UTC");

        assertEquals("app", configuration.applicationName());
        assertEquals(SslMode.REQUIRE, configuration.sslMode());
        assertEquals(TargetSessionAttrs.STANDBY, configuration.targetSessionAttrs());
        assertEquals("/ca.pem", configuration.sslRootCert());
        assertEquals(Map.of("TimeZone", "UTC"), configuration.startupParameters());
    }

    @Test
    void programmaticTypedValues() {
        PsycopgConnectionConfiguration configuration = PsycopgConnectionConfiguration.fromOptions(options()
                .option(HOST, "h")
                .option(PORT, 5433)
                .option(USER, "u")
                .option(PASSWORD, new StringBuilder("pw"))
                .option(DATABASE, "db")
                .option(CONNECT_TIMEOUT, Duration.ofSeconds(4))
                .option(STATEMENT_TIMEOUT, Duration.ofSeconds(20))
                .option(LOCK_WAIT_TIMEOUT, Duration.ofMillis(250))
                .option(Option.valueOf("sslmode"), SslMode.VERIFY_CA)
                .option(Option.valueOf("sslrootcert"), Path.of("/etc/ca.pem"))
                .option(Option.valueOf("target_session_attrs"), TargetSessionAttrs.PREFER_STANDBY)
                .option(Option.valueOf("TimeZone"), ZoneId.of("Asia/Tokyo"))
                .option(Option.valueOf("fetchSize"), 50)
                .option(Option.valueOf("preparedStatementCacheSize"), 8)
                .option(Option.valueOf("prepareThreshold"), 2)
                .option(Option.valueOf("maxMessageSize"), 65536L)
                .option(Option.valueOf("tcpKeepAlive"), false)
                .option(Option.valueOf("tcpNoDelay"), Boolean.FALSE)
                .build());

        assertEquals(List.of(new ServerAddress("h", 5433)), configuration.hosts());
        assertEquals("u", configuration.user());
        assertEquals("pw", configuration.password().toString());
        assertEquals("db", configuration.database());
        assertEquals(Duration.ofSeconds(4), configuration.connectTimeout());
        assertEquals(Duration.ofSeconds(20), configuration.statementTimeout());
        assertEquals(Duration.ofMillis(250), configuration.lockWaitTimeout());
        assertEquals(SslMode.VERIFY_CA, configuration.sslMode());
        assertEquals("/etc/ca.pem", configuration.sslRootCert());
        assertEquals(TargetSessionAttrs.PREFER_STANDBY, configuration.targetSessionAttrs());
        assertEquals(Map.of("TimeZone", "Asia/Tokyo"), configuration.startupParameters());
        assertEquals(50, configuration.fetchSize());
        assertEquals(8, configuration.preparedStatementCacheSize());
        assertEquals(2, configuration.prepareThreshold());
        assertEquals(65536, configuration.maxMessageSize());
        assertFalse(configuration.tcpKeepAlive());
        assertFalse(configuration.tcpNoDelay());
    }

    @Test
    void connectTimeoutInSecondsFollowsLibpq() {
        assertNull(fromUrl("r2dbc:psycopg://h/db?connect_timeout=0").connectTimeout());
        assertNull(fromUrl("r2dbc:psycopg://h/db?connect_timeout=-3").connectTimeout());
        assertEquals(Duration.ofSeconds(2), fromUrl("r2dbc:psycopg://h/db?connect_timeout=1").connectTimeout());
        assertEquals(Duration.ofSeconds(10), PsycopgConnectionConfiguration.fromOptions(
                options().option(Option.valueOf("connect_timeout"), 10).build()).connectTimeout());
        assertEquals(Duration.ofSeconds(3),
                fromUrl("r2dbc:psycopg://h/db?connect_timeout=9&connectTimeout=PT3S").connectTimeout());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "sslmode              | sometimes | expected one of disable, allow, prefer, require, verify-ca, verify-full",
            "sslMode              | on        | expected one of disable, allow, prefer, require, verify-ca, verify-full",
            "target_session_attrs | master    | expected one of any, read-write, read-only, primary, standby, prefer-standby",
            "connect_timeout      | soon      | expected whole seconds",
            "connectTimeout       | 5         | expected an ISO-8601 duration such as PT10S",
            "statementTimeout     | 30s       | expected an ISO-8601 duration such as PT10S",
            "lockWaitTimeout      | -PT1S     | lockWaitTimeout must not be negative",
            "fetchSize            | many      | expected a whole number",
            "fetchSize            | -1        | fetchSize must be at least 0",
            "preparedStatementCacheSize | -3  | preparedStatementCacheSize must be at least 0",
            "prepareThreshold     | 1.5       | expected a whole number",
            "maxMessageSize       | 0         | maxMessageSize must be at least 1",
            "maxMessageSize       | 99999999999 | expected a whole number",
            "tcpKeepAlive         | maybe     | expected true or false",
            "tcpNoDelay           | 2         | expected true or false",
            "ssl                  | sure      | expected true or false",
            "TimeZone             | ' '       | expected a time zone name such as UTC or Europe/Paris",
    })
    void badValueIsRefusedNamingOptionAndValue(String option, String value, String expected) {
        String message = refusal(options().option(HOST, "h").option(Option.valueOf(option), value).build());

        assertEquals("Invalid value for option '" + option + "': '" + value + "' (" + expected + ")", message);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "port | abc       | expected a port number",
            "port | 70000     | expected a port from 1 to 65535",
            "port | 0         | expected a port from 1 to 65535",
            "host | h:port    | expected a port number",
            "host | a,b:99999 | expected a port from 1 to 65535",
            "host | [::1      | expected [IPv6 address] or [IPv6 address]:port",
    })
    void badHostOrPortIsRefusedNamingOptionAndValue(String option, String value, String expected) {
        String message = refusal(options().option(Option.valueOf(option), value).build());

        assertEquals("Invalid value for option '" + option + "': '" + value + "' (" + expected + ")", message);
    }

    @Test
    void typedValueOfTheWrongKindIsRefused() {
        assertEquals("Invalid value for option 'user': '42' (expected text)",
                refusal(options().option(Option.valueOf("user"), 42).build()));
        assertEquals("Invalid value for option 'fetchSize': '2.5' (expected a whole number)",
                refusal(options().option(Option.valueOf("fetchSize"), 2.5).build()));
        assertEquals("Invalid value for option 'sslrootcert': 'true' (expected a file path)",
                refusal(options().option(Option.valueOf("sslrootcert"), true).build()));
    }

    @Test
    void refusedPasswordIsNotEchoed() {
        assertEquals("Invalid value for option 'password' (expected text)",
                refusal(options().option(Option.valueOf("password"), 123456).build()));
    }

    @Test
    void subProtocolIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> fromUrl("r2dbc:psycopg:tcp://h/db"));

        assertEquals("Invalid value for option 'protocol': 'tcp' (this driver has no sub-protocols: write r2dbc:psycopg://...)",
                refused.getMessage());
    }

    @Test
    void emptyProtocolLeftByThePoolIsAccepted() {
        PsycopgConnectionConfiguration configuration = PsycopgConnectionConfiguration.fromOptions(
                options().option(HOST, "h").option(PROTOCOL, "").build());

        assertEquals(List.of(new ServerAddress("h", 5432)), configuration.hosts());
    }

    @Test
    void unknownOptionsAreRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> fromUrl("r2dbc:psycopg://h/db?ssl_mode=require&sslmode=require&fetch_size=10"));

        assertTrue(refused.getMessage().startsWith("Unknown options 'ssl_mode', 'fetch_size' for driver psycopg")
                || refused.getMessage().startsWith("Unknown options 'fetch_size', 'ssl_mode' for driver psycopg"),
                refused.getMessage());
    }

    @Test
    void poolOptionsAndDottedNamesAreLetThrough() {
        PsycopgConnectionConfiguration configuration = fromUrl("r2dbc:psycopg://h/db?initialSize=1&maxSize=3"
                + "&maxIdleTime=PT1M&validationQuery=SELECT%201&acquireRetry=2&poolName=p&app.tenant=blue");

        assertEquals(List.of(new ServerAddress("h", 5432)), configuration.hosts());
    }

    @Test
    void valueThatLooksLikeAnotherOptionAddsNoName() {
        PsycopgConnectionConfiguration configuration = PsycopgConnectionConfiguration.fromOptions(options()
                .option(HOST, "h")
                .option(Option.valueOf("application_name"), "a, bogus=1, x=y")
                .build());

        assertEquals("a, bogus=1, x=y", configuration.applicationName());
    }

    @Test
    void unknownOptionAfterAValueWithCommasIsStillFound() {
        String message = refusal(options()
                .option(Option.valueOf("options"), "-c a=1, b=2")
                .option(Option.valueOf("typo"), "1")
                .build());

        assertTrue(message.startsWith("Unknown option 'typo' for driver psycopg"), message);
    }
}
