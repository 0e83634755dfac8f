// A PostgreSQL error raised as R2dbcDataIntegrityViolationException, carrying every diagnostic field.
package org.psycopg.r2dbc.error;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;

/**
 * A PostgreSQL error of the R2DBC category {@link R2dbcDataIntegrityViolationException}:
 * SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation): a value does
 * not fit its type or breaks a constraint, e.g. {@code 23505 unique_violation} or {@code 22001
 * string_data_right_truncation}.
 *
 * <p>Raised by {@link ErrorMapping}; the message is {@link ErrorDetails#formattedMessage()}.
 */
public final class PostgresDataIntegrityViolationException extends R2dbcDataIntegrityViolationException implements PostgresException {

    private final ErrorDetails details;

    /**
     * @param details the diagnostic fields of the ErrorResponse
     * @param sql     the SQL of the statement that failed, or {@code null} outside a statement
     */
    public PostgresDataIntegrityViolationException(ErrorDetails details, String sql) {
        super(details.formattedMessage(), details.code(), 0, sql);
        this.details = details;
    }

    @Override
    public ErrorDetails details() {
        return details;
    }
}
