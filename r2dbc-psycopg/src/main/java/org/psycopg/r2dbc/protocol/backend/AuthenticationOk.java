// AuthenticationOk: the server accepted the client's credentials.
package org.psycopg.r2dbc.protocol.backend;

/** AuthenticationOk ('R', code 0): authentication succeeded; ParameterStatus, BackendKeyData and ReadyForQuery follow. Carries nothing: decoding returns the one instance without allocating. */
public enum AuthenticationOk implements BackendMessage {
    INSTANCE
}
