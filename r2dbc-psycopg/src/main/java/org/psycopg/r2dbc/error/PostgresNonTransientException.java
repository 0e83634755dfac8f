// A PostgreSQL error raised as R2dbcNonTransientException, carrying every diagnostic field.
package org.psycopg.r2dbc.error;

import io.r2dbc.spi.R2dbcNonTransientException;

/**
 * A PostgreSQL error of the R2DBC category {@link R2dbcNonTransientException}:
 * Every error that no more specific category takes, e.g. class 0A (feature not supported), 25
 * (invalid transaction state), P0 (PL/pgSQL {@code RAISE}) and XX (internal error): the
 * statement will fail again as written.
 *
 * <p>Raised by {@link ErrorMapping}; the message is {@link ErrorDetails#formattedMessage()}.
 */
public final class PostgresNonTransientException extends R2dbcNonTransientException implements PostgresException {

    private final ErrorDetails details;

    /**
     * @param details the diagnostic fields of the ErrorResponse
     * @param sql     the SQL of the statement that failed, or {@code null} outside a statement
     */
    public PostgresNonTransientException(ErrorDetails details, String sql) {
        super(details.formattedMessage(), details.code(), 0, sql);
        this.details = details;
    }

    @Override
    public ErrorDetails details() {
        return details;
    }
}
