// CopyDone (backend): the end of the server's COPY data.
package org.psycopg.r2dbc.protocol.backend;

/** CopyDone ('c') sent by the server: the COPY TO STDOUT data (or the server's replication stream) is complete. Carries nothing: decoding returns the one instance without allocating. */
public enum CopyDone implements BackendMessage {
    INSTANCE
}
