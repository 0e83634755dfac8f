// The error raised when bytes from the server do not follow the PostgreSQL wire protocol.
package org.psycopg.r2dbc.protocol;

/**
 * Bytes from the server broke the frontend/backend protocol: an unknown message type, a length
 * field out of bounds, or a message body that ends early, runs long, or holds an impossible value.
 *
 * <p>Once this is thrown the message boundaries of the stream can no longer be trusted, so the
 * connection that produced the bytes must be closed. The message says what was wrong and where.
 */
public final class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
