// AuthenticationCleartextPassword: the server wants the password in clear text.
package org.psycopg.r2dbc.protocol.backend;

/** AuthenticationCleartextPassword ('R', code 3): answer with a PasswordMessage holding the password. Carries nothing: decoding returns the one instance without allocating. */
public enum AuthenticationCleartextPassword implements BackendMessage {
    INSTANCE
}
