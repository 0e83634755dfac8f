// An authentication request for a method this driver does not implement.
package org.psycopg.r2dbc.protocol.backend;

/**
 * An authentication request ('R') that this driver cannot answer: Kerberos V5 (2), SCM
 * credentials (6), GSSAPI (7), GSSAPI/SSPI continuation (8), SSPI (9) or a code PostgreSQL has not
 * defined. Any data after the code is skipped. The connection can only be abandoned.
 *
 * @param method the authentication code the server sent
 */
public record AuthenticationUnsupported(int method) implements BackendMessage {

    /** The name of the method as PostgreSQL's documentation gives it, for error messages. */
    public String methodName() {
        return switch (method) {
            case 2 -> "Kerberos V5";
            case 6 -> "SCM credential";
            case 7 -> "GSSAPI";
            case 8 -> "GSSAPI continuation";
            case 9 -> "SSPI";
            default -> "unknown method " + method;
        };
    }
}
