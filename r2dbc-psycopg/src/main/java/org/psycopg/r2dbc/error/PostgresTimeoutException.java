// A PostgreSQL error raised as R2dbcTimeoutException, carrying every diagnostic field.
package org.psycopg.r2dbc.error;

import io.r2dbc.spi.R2dbcTimeoutException;

/**
 * A PostgreSQL error of the R2DBC category {@link R2dbcTimeoutException}:
 * SQLSTATE {@code 57014 query_canceled}: the statement was cancelled, by {@code
 * statement_timeout} or by a cancel request.
 *
 * <p>Raised by {@link ErrorMapping}; the message is {@link ErrorDetails#formattedMessage()}.
 */
public final class PostgresTimeoutException extends R2dbcTimeoutException implements PostgresException {

    private final ErrorDetails details;

    /**
     * @param details the diagnostic fields of the ErrorResponse
     * @param sql     the SQL of the statement that failed, or {@code null} outside a statement
     */
    public PostgresTimeoutException(ErrorDetails details, String sql) {
        super(details.formattedMessage(), details.code(), 0, sql);
        this.details = details;
    }

    @Override
    public ErrorDetails details() {
        return details;
    }
}
