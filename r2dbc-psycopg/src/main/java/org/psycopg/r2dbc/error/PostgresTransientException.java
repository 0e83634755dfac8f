// A PostgreSQL error raised as R2dbcTransientException, carrying every diagnostic field.
package org.psycopg.r2dbc.error;

import io.r2dbc.spi.R2dbcTransientException;

/**
 * A PostgreSQL error of the R2DBC category {@link R2dbcTransientException}:
 * SQLSTATE {@code 55P03 lock_not_available} ({@code lock_timeout} or {@code NOWAIT}): the same
 * statement may succeed when retried.
 *
 * <p>Raised by {@link ErrorMapping}; the message is {@link ErrorDetails#formattedMessage()}.
 */
public final class PostgresTransientException extends R2dbcTransientException implements PostgresException {

    private final ErrorDetails details;

    /**
     * @param details the diagnostic fields of the ErrorResponse
     * @param sql     the SQL of the statement that failed, or {@code null} outside a statement
     */
    public PostgresTransientException(ErrorDetails details, String sql) {
        super(details.formattedMessage(), details.code(), 0, sql);
        this.details = details;
    }

    @Override
    public ErrorDetails details() {
        return details;
    }
}
