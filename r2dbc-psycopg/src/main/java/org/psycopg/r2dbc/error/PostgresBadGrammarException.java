// A PostgreSQL error raised as R2dbcBadGrammarException, carrying every diagnostic field.
package org.psycopg.r2dbc.error;

import io.r2dbc.spi.R2dbcBadGrammarException;

/**
 * A PostgreSQL error of the R2DBC category {@link R2dbcBadGrammarException}:
 * SQLSTATE class 42 (syntax error or access rule violation), except {@code 42501
 * insufficient_privilege}: the statement is wrong and will fail again as written.
 *
 * <p>Raised by {@link ErrorMapping}; the message is {@link ErrorDetails#formattedMessage()}.
 */
public final class PostgresBadGrammarException extends R2dbcBadGrammarException implements PostgresException {

    private final ErrorDetails details;

    /**
     * @param details the diagnostic fields of the ErrorResponse
     * @param sql     the SQL of the statement that failed, or {@code null} outside a statement
     */
    public PostgresBadGrammarException(ErrorDetails details, String sql) {
        super(details.formattedMessage(), details.code(), 0, sql);
        this.details = details;
    }

    @Override
    public ErrorDetails details() {
        return details;
    }
}
