// CloseComplete: the server processed a Close.
package org.psycopg.r2dbc.protocol.backend;

/** CloseComplete ('3'): the statement or portal named in a Close is gone. Carries nothing: decoding returns the one instance without allocating. */
public enum CloseComplete implements BackendMessage {
    INSTANCE
}
