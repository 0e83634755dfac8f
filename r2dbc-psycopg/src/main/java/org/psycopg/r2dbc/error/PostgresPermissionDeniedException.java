// A PostgreSQL error raised as R2dbcPermissionDeniedException, carrying every diagnostic field.
package org.psycopg.r2dbc.error;

import io.r2dbc.spi.R2dbcPermissionDeniedException;

/**
 * A PostgreSQL error of the R2DBC category {@link R2dbcPermissionDeniedException}:
 * SQLSTATE class 28 (invalid authorization specification, e.g. {@code 28P01 invalid_password})
 * and {@code 42501 insufficient_privilege}.
 *
 * <p>Raised by {@link ErrorMapping}; the message is {@link ErrorDetails#formattedMessage()}.
 */
public final class PostgresPermissionDeniedException extends R2dbcPermissionDeniedException implements PostgresException {

    private final ErrorDetails details;

    /**
     * @param details the diagnostic fields of the ErrorResponse
     * @param sql     the SQL of the statement that failed, or {@code null} outside a statement
     */
    public PostgresPermissionDeniedException(ErrorDetails details, String sql) {
        super(details.formattedMessage(), details.code(), 0, sql);
        this.details = details;
    }

    @Override
    public ErrorDetails details() {
        return details;
    }
}
