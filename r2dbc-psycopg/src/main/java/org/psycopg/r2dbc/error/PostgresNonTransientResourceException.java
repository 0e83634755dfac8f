// A PostgreSQL error raised as R2dbcNonTransientResourceException, carrying every diagnostic field.
package org.psycopg.r2dbc.error;

import io.r2dbc.spi.R2dbcNonTransientResourceException;

/**
 * A PostgreSQL error of the R2DBC category {@link R2dbcNonTransientResourceException}:
 * SQLSTATE class 08 (connection exception): the connection itself failed and will not recover
 * by retrying the statement.
 *
 * <p>Raised by {@link ErrorMapping}; the message is {@link ErrorDetails#formattedMessage()}.
 */
public final class PostgresNonTransientResourceException extends R2dbcNonTransientResourceException implements PostgresException {

    private final ErrorDetails details;

    /**
     * @param details the diagnostic fields of the ErrorResponse
     * @param sql     the SQL of the statement that failed, or {@code null} outside a statement
     */
    public PostgresNonTransientResourceException(ErrorDetails details, String sql) {
        super(details.formattedMessage(), details.code(), 0, sql);
        this.details = details;
    }

    @Override
    public ErrorDetails details() {
        return details;
    }
}
