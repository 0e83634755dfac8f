package org.psycopg.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.psycopg.r2dbc.embedded.AuthRole;
import org.psycopg.r2dbc.embedded.EmbeddedPostgres;
import org.psycopg.r2dbc.error.PostgresException;
import reactor.core.publisher.Mono;

class AuthenticationTest {

    private final EmbeddedPostgres server = EmbeddedPostgres.shared();

    private PsycopgConnectionConfiguration.Builder as(AuthRole role) {
        return TestDatabase.configuration().user(role.roleName()).password(role.password().orElse(null));
    }

    private static String currentUser(PsycopgConnectionConfiguration configuration) {
        PsycopgConnection connection = new PsycopgConnectionFactory(configuration).create().block(TestDatabase.TIMEOUT);
        try {
            return Mono.from(connection.createStatement("SELECT current_user").execute())
                    .flatMapMany(result -> result.map(row -> row.get(0, String.class)))
                    .single().block(TestDatabase.TIMEOUT);
        } finally {
            connection.close().block(TestDatabase.TIMEOUT);
        }
    }

    @ParameterizedTest
    @EnumSource(value = AuthRole.class, names = {"TRUST", "PASSWORD", "MD5", "SCRAM"})
    void eachPasswordMethodConnectsWithoutTls(AuthRole role) {
        assertEquals(role.roleName(), currentUser(as(role).sslMode(SslMode.DISABLE).build()));
    }

    @Test
    void scramOverTlsUsesChannelBinding() {
        PsycopgConnectionConfiguration configuration = as(AuthRole.TLS).sslMode(SslMode.VERIFY_FULL)
                .host("localhost", server.port()).sslRootCert(server.tls().certificateAuthority().toString()).build();
        assertEquals("tls_user", currentUser(configuration));
    }

    @Test
    void tlsOnlyRoleIsRefusedWithoutTls() {
        PsycopgConnectionConfiguration configuration = as(AuthRole.TLS).sslMode(SslMode.DISABLE).build();
        R2dbcPermissionDeniedException error = assertThrows(R2dbcPermissionDeniedException.class,
                () -> currentUser(configuration));
        assertEquals("28000", error.getSqlState());
    }

    @Test
    void clientCertificateAuthenticates() {
        PsycopgConnectionConfiguration configuration = as(AuthRole.CERT).sslMode(SslMode.VERIFY_CA)
                .sslRootCert(server.tls().certificateAuthority().toString())
                .sslCert(server.tls().clientCertificate().toString())
                .sslKey(server.tls().clientKey().toString()).build();
        assertEquals("cert_user", currentUser(configuration));
    }

    @Test
    void wrongPasswordIsPermissionDeniedWith28P01() {
        PsycopgConnectionConfiguration configuration = as(AuthRole.SCRAM).password("not-the-password").build();
        R2dbcPermissionDeniedException error = assertThrows(R2dbcPermissionDeniedException.class,
                () -> currentUser(configuration));
        assertEquals("28P01", error.getSqlState());
        assertTrue(((PostgresException) error).details().message().contains("password authentication failed"),
                error.getMessage());
    }

    @Test
    void missingPasswordIsAClearError() {
        PsycopgConnectionConfiguration configuration = as(AuthRole.SCRAM).password(null).build();
        R2dbcPermissionDeniedException error = assertThrows(R2dbcPermissionDeniedException.class,
                () -> currentUser(configuration));
        assertTrue(error.getMessage().contains("password"), error.getMessage());
    }

    @Test
    void verifyFullRejectsACertificateForAnotherHost() {
        // libpq's hostaddr: connect to the server's address, check the certificate against another name.
        PsycopgConnectionConfiguration configuration = TestDatabase.configuration().sslMode(SslMode.VERIFY_FULL)
                .sslRootCert(server.tls().certificateAuthority().toString())
                .hostAddress("wrong.example", "127.0.0.1", server.port()).build();
        R2dbcNonTransientResourceException error = assertThrows(R2dbcNonTransientResourceException.class,
                () -> currentUser(configuration));
        assertTrue(error.getMessage().contains("TLS handshake") && error.getMessage().contains("wrong.example"), error.getMessage());
    }

    @Test
    void verifyCaRejectsAnUnknownAuthority() {
        PsycopgConnectionConfiguration configuration = TestDatabase.configuration().sslMode(SslMode.VERIFY_CA)
                .sslRootCert(server.tls().clientCertificate().toString()).build();
        R2dbcNonTransientResourceException error = assertThrows(R2dbcNonTransientResourceException.class,
                () -> currentUser(configuration));
        assertTrue(error.getMessage().contains("TLS handshake"), error.getMessage());
    }

    @Test
    void requireFailsClearlyWhenTheServerHasNoTls() {
        server.execute("ALTER SYSTEM SET ssl = off");
        server.execute("SELECT pg_reload_conf()");
        try {
            PsycopgConnectionConfiguration configuration = TestDatabase.configuration().sslMode(SslMode.REQUIRE).build();
            R2dbcNonTransientResourceException error = assertThrows(R2dbcNonTransientResourceException.class,
                    () -> currentUser(configuration));
            assertTrue(error.getMessage().contains("does not support TLS"), error.getMessage());
            // prefer falls back to plain text on the same server
            assertEquals("test", currentUser(TestDatabase.configuration().sslMode(SslMode.PREFER).build()));
        } finally {
            server.execute("ALTER SYSTEM RESET ssl");
            server.execute("SELECT pg_reload_conf()");
        }
    }
}
