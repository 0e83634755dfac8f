// Each authentication role meets exactly its own method over TCP, with and without TLS.
package org.psycopg.r2dbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.psycopg.r2dbc.embedded.StartupProbe.AUTHENTICATION_OK;
import static org.psycopg.r2dbc.embedded.StartupProbe.CLEARTEXT_PASSWORD;
import static org.psycopg.r2dbc.embedded.StartupProbe.MD5_PASSWORD;
import static org.psycopg.r2dbc.embedded.StartupProbe.SASL;

import java.util.Map;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psycopg.r2dbc.embedded.StartupProbe.Answer;

@ExtendWith(PostgresExtension.class)
class AuthenticationMethodTest {

    private static final String INVALID_AUTHORIZATION = "28000";

    private static EmbeddedPostgres postgres;
    private static SSLContext tlsWithoutCertificate;
    private static SSLContext tlsWithClientCertificate;

    @BeforeAll
    static void tlsContexts() throws Exception {
        tlsWithoutCertificate = StartupProbe.tlsContext(postgres.tls(), false);
        tlsWithClientCertificate = StartupProbe.tlsContext(postgres.tls(), true);
    }

    @Test
    void trustUserIsAdmittedWithoutPassword() throws Exception {
        assertEquals(Answer.authentication(AUTHENTICATION_OK), plain(AuthRole.TRUST));
    }

    @Test
    void passwordUserIsAskedForCleartextPassword() throws Exception {
        assertEquals(Answer.authentication(CLEARTEXT_PASSWORD), plain(AuthRole.PASSWORD));
        assertEquals(Answer.authentication(CLEARTEXT_PASSWORD), overTls(AuthRole.PASSWORD, tlsWithoutCertificate));
    }

    @Test
    void md5UserIsAskedForMd5Password() throws Exception {
        assertEquals(Answer.authentication(MD5_PASSWORD), plain(AuthRole.MD5));
    }

    @Test
    void scramUserIsOfferedSaslWithAndWithoutTls() throws Exception {
        assertEquals(Answer.authentication(SASL), plain(AuthRole.SCRAM));
        assertEquals(Answer.authentication(SASL), overTls(AuthRole.SCRAM, tlsWithoutCertificate));
    }

    @Test
    void tlsUserIsRejectedWithoutTlsAndOfferedSaslOverTls() throws Exception {
        assertEquals(Answer.error(INVALID_AUTHORIZATION), plain(AuthRole.TLS));
        assertEquals(Answer.authentication(SASL), overTls(AuthRole.TLS, tlsWithoutCertificate));
    }

    @Test
    void certUserIsAdmittedByItsClientCertificateOnly() throws Exception {
        assertEquals(Answer.authentication(AUTHENTICATION_OK), overTls(AuthRole.CERT, tlsWithClientCertificate));
        assertEquals(Answer.error(INVALID_AUTHORIZATION), overTls(AuthRole.CERT, tlsWithoutCertificate));
        assertEquals(Answer.error(INVALID_AUTHORIZATION), plain(AuthRole.CERT));
    }

    @Test
    void superuserIsOfferedSaslForDatabaseAndReplicationConnections() throws Exception {
        assertEquals(Answer.authentication(SASL),
                StartupProbe.plain(postgres, StartupProbe.login(postgres.user(), postgres.database())));
        Map<String, String> replication = StartupProbe.login(postgres.user(), postgres.database());
        replication.put("replication", "true");
        assertEquals(Answer.authentication(SASL), StartupProbe.plain(postgres, replication));
    }

    private static Answer plain(AuthRole role) throws Exception {
        return StartupProbe.plain(postgres, StartupProbe.login(role.roleName(), postgres.database()));
    }

    private static Answer overTls(AuthRole role, SSLContext tls) throws Exception {
        return StartupProbe.overTls(postgres, tls, StartupProbe.login(role.roleName(), postgres.database()));
    }
}
