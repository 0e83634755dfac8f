// How a connection uses TLS, by libpq's sslmode values.
package org.psycopg.r2dbc;

/**
 * Whether and how a connection protects itself with TLS, with the meaning and the names of
 * libpq's {@code sslmode} keyword, so that {@code sslmode=verify-full} means the same here as in
 * any PostgreSQL connection string. Connections over a Unix-domain socket never use TLS.
 */
public enum SslMode {

    /** Never use TLS. */
    DISABLE("disable"),

    /** Try without TLS first; use TLS if the server insists. */
    ALLOW("allow"),

    /** Try TLS first; go on without it if the server does not offer it. The default. */
    PREFER("prefer"),

    /** Use TLS or fail; trust any server certificate (unless a root certificate is given, then verify it as VERIFY_CA). */
    REQUIRE("require"),

    /** Use TLS and check that the server certificate is signed by a trusted certificate authority. */
    VERIFY_CA("verify-ca"),

    /** As VERIFY_CA, and check that the certificate names the host connected to. */
    VERIFY_FULL("verify-full");

    private final String libpqName;

    SslMode(String libpqName) {
        this.libpqName = libpqName;
    }

    /** @return the value as libpq spells it, e.g. {@code "verify-full"} */
    public String libpqName() {
        return libpqName;
    }
}
