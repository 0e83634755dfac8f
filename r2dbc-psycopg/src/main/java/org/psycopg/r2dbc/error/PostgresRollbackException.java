// A PostgreSQL error raised as R2dbcRollbackException, carrying every diagnostic field.
package org.psycopg.r2dbc.error;

import io.r2dbc.spi.R2dbcRollbackException;

/**
 * A PostgreSQL error of the R2DBC category {@link R2dbcRollbackException}:
 * SQLSTATE class 40 (transaction rollback), among them {@code 40001 serialization_failure} and
 * {@code 40P01 deadlock_detected}: the transaction was rolled back and may succeed when run
 * again.
 *
 * <p>Raised by {@link ErrorMapping}; the message is {@link ErrorDetails#formattedMessage()}.
 */
public final class PostgresRollbackException extends R2dbcRollbackException implements PostgresException {

    private final ErrorDetails details;

    /**
     * @param details the diagnostic fields of the ErrorResponse
     * @param sql     the SQL of the statement that failed, or {@code null} outside a statement
     */
    public PostgresRollbackException(ErrorDetails details, String sql) {
        super(details.formattedMessage(), details.code(), 0, sql);
        this.details = details;
    }

    @Override
    public ErrorDetails details() {
        return details;
    }
}
