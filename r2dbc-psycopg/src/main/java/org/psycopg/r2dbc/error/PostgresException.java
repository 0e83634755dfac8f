// What every exception raised from a PostgreSQL ErrorResponse offers beyond the R2DBC SPI.
package org.psycopg.r2dbc.error;

import java.util.Optional;

/**
 * An error that PostgreSQL reported in an ErrorResponse. Every such error is raised as an
 * {@link io.r2dbc.spi.R2dbcException} subclass of the R2DBC category of its SQLSTATE (see
 * {@link ErrorMapping}) that also implements this interface, so that callers can catch the R2DBC
 * category and still read every diagnostic field:
 *
 * <pre>{@code
 * .onErrorResume(R2dbcDataIntegrityViolationException.class, e -> {
 *     ErrorDetails details = ((PostgresException) e).details();
 *     return Mono.just(details.constraintName());
 * })
 * }</pre>
 *
 * <p>{@code getSqlState()} of the exception answers the same code as {@code details().code()}.
 */
public interface PostgresException {

    /** @return every diagnostic field of the ErrorResponse, never {@code null} */
    ErrorDetails details();

    /** @return the SQLSTATE as a constant, or empty when the server sent a code not in {@link SqlState} */
    default Optional<SqlState> sqlState() {
        return details().sqlState();
    }

    /**
     * As {@link io.r2dbc.spi.R2dbcException#getSql()}.
     *
     * @return the SQL of the statement that failed, or {@code null} when the error did not come
     *         from a statement (during connection startup, for example)
     */
    String getSql();
}
