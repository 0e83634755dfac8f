// The login roles of the embedded server, one per authentication method a client must speak.
package org.psycopg.r2dbc.embedded;

import java.util.Optional;

/**
 * A login role that the embedded server creates so that tests can exercise one authentication
 * method each. Over TCP (127.0.0.1) every role is authenticated by exactly its {@link #hbaMethod()},
 * with or without TLS, except the roles that {@linkplain #requiresSsl() require TLS}: their
 * connections without TLS are rejected. All of them may connect to the test database.
 *
 * <p>These roles exist only on the {@linkplain EmbeddedPostgres embedded server}, never on a server
 * named by {@value PostgresServer#URL_VARIABLE}.
 */
public enum AuthRole {

    /** {@code trust}: admitted without any password. */
    TRUST("trust_user", null, "trust", false),

    /** {@code password}: the password travels in clear text. */
    PASSWORD("password_user", "password_pw", "password", false),

    /** {@code md5}: the password is stored as an MD5 hash, so the server asks for an MD5 digest. */
    MD5("md5_user", "md5_pw", "md5", false),

    /** {@code scram-sha-256}: SASL with SCRAM-SHA-256 (and SCRAM-SHA-256-PLUS over TLS). */
    SCRAM("scram_user", "scram_pw", "scram-sha-256", false),

    /** {@code scram-sha-256}, but only over TLS: a connection without TLS is rejected. */
    TLS("tls_user", "tls_pw", "scram-sha-256", true),

    /**
     * {@code cert}: only over TLS, admitted by a client certificate whose common name is the role's
     * name ({@link TlsFiles#clientCertificate()}), without a password.
     */
    CERT("cert_user", null, "cert", true);

    private final String roleName;
    private final String password;
    private final String hbaMethod;
    private final boolean requiresSsl;

    AuthRole(String roleName, String password, String hbaMethod, boolean requiresSsl) {
        this.roleName = roleName;
        this.password = password;
        this.hbaMethod = hbaMethod;
        this.requiresSsl = requiresSsl;
    }

    /** The role's name, to log in as. */
    public String roleName() {
        return roleName;
    }

    /** The role's password; empty for the roles that authenticate without one. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** The {@code pg_hba.conf} method that authenticates this role over TCP. */
    public String hbaMethod() {
        return hbaMethod;
    }

    /** Whether the server rejects this role's connections without TLS. */
    public boolean requiresSsl() {
        return requiresSsl;
    }

    /** Whether the password must be stored as an MD5 hash for the method to be MD5 on the wire. */
    boolean storesMd5Password() {
        return this == MD5;
    }
}
