// A PostgreSQL error raised as R2dbcTransientResourceException, carrying every diagnostic field.
package org.psycopg.r2dbc.error;

import io.r2dbc.spi.R2dbcTransientResourceException;

/**
 * A PostgreSQL error of the R2DBC category {@link R2dbcTransientResourceException}:
 * SQLSTATE class 53 (insufficient resources) and {@code 57P01}..{@code 57P05} (admin shutdown,
 * crash shutdown, cannot connect now, database dropped, idle session timeout): the server
 * cannot serve now, a new connection later may succeed.
 *
 * <p>Raised by {@link ErrorMapping}; the message is {@link ErrorDetails#formattedMessage()}.
 */
public final class PostgresTransientResourceException extends R2dbcTransientResourceException implements PostgresException {

    private final ErrorDetails details;

    /**
     * @param details the diagnostic fields of the ErrorResponse
     * @param sql     the SQL of the statement that failed, or {@code null} outside a statement
     */
    public PostgresTransientResourceException(ErrorDetails details, String sql) {
        super(details.formattedMessage(), details.code(), 0, sql);
        this.details = details;
    }

    @Override
    public ErrorDetails details() {
        return details;
    }
}
