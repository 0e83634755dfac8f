// Turns a PostgreSQL ErrorResponse into the R2DBC exception of its SQLSTATE.
package org.psycopg.r2dbc.error;

import io.r2dbc.spi.R2dbcException;

import java.util.Map;

/**
 * Chooses the R2DBC exception category of a PostgreSQL error from its SQLSTATE. Exact codes are
 * looked at first, then the class (the first two characters):
 *
 * <table>
 * <caption>SQLSTATE to exception</caption>
 * <tr><th>SQLSTATE</th><th>exception (R2DBC category)</th></tr>
 * <tr><td>{@code 42501} insufficient_privilege</td>
 *     <td>{@link PostgresPermissionDeniedException} (R2dbcPermissionDeniedException)</td></tr>
 * <tr><td>{@code 57014} query_canceled</td>
 *     <td>{@link PostgresTimeoutException} (R2dbcTimeoutException)</td></tr>
 * <tr><td>{@code 57P01} admin_shutdown, {@code 57P02} crash_shutdown, {@code 57P03} cannot_connect_now,
 *     {@code 57P04} database_dropped, {@code 57P05} idle_session_timeout</td>
 *     <td>{@link PostgresTransientResourceException} (R2dbcTransientResourceException)</td></tr>
 * <tr><td>{@code 55P03} lock_not_available</td>
 *     <td>{@link PostgresTransientException} (R2dbcTransientException), so that retries happen</td></tr>
 * <tr><td>class {@code 08} connection exception</td>
 *     <td>{@link PostgresNonTransientResourceException} (R2dbcNonTransientResourceException)</td></tr>
 * <tr><td>class {@code 22} data exception, class {@code 23} integrity constraint violation</td>
 *     <td>{@link PostgresDataIntegrityViolationException} (R2dbcDataIntegrityViolationException)</td></tr>
 * <tr><td>class {@code 28} invalid authorization specification</td>
 *     <td>{@link PostgresPermissionDeniedException} (R2dbcPermissionDeniedException)</td></tr>
 * <tr><td>class {@code 40} transaction rollback, with {@code 40001} serialization_failure and
 *     {@code 40P01} deadlock_detected</td>
 *     <td>{@link PostgresRollbackException} (R2dbcRollbackException)</td></tr>
 * <tr><td>class {@code 42} syntax error or access rule violation</td>
 *     <td>{@link PostgresBadGrammarException} (R2dbcBadGrammarException)</td></tr>
 * <tr><td>class {@code 53} insufficient resources</td>
 *     <td>{@link PostgresTransientResourceException} (R2dbcTransientResourceException)</td></tr>
 * <tr><td>everything else, class {@code 25} invalid transaction state included, and a missing
 *     or malformed code</td>
 *     <td>{@link PostgresNonTransientException} (R2dbcNonTransientException)</td></tr>
 * </table>
 *
 * <p>The mapping looks at the SQLSTATE only, never at the severity: a {@code FATAL} error in
 * class 28 is a permission problem like an {@code ERROR} one. Stateless and thread-safe.
 */
public final class ErrorMapping {

    private ErrorMapping() {
    }

    /**
     * Builds the exception for the fields of one ErrorResponse.
     *
     * @param fields the ErrorResponse's fields keyed by their one-byte field type
     * @param sql    the SQL of the statement that failed, or {@code null} outside a statement
     * @return the exception of the SQLSTATE's category; it implements {@link PostgresException}
     */
    public static R2dbcException toException(Map<Character, String> fields, String sql) {
        return toException(ErrorDetails.from(fields), sql);
    }

    /**
     * Builds the exception for diagnostic fields already read.
     *
     * @param details the ErrorResponse's fields
     * @param sql     the SQL of the statement that failed, or {@code null} outside a statement
     * @return the exception of the SQLSTATE's category; it implements {@link PostgresException}
     */
    public static R2dbcException toException(ErrorDetails details, String sql) {
        String code = details.code();
        if (code == null || code.length() != 5) {
            return new PostgresNonTransientException(details, sql);
        }
        return switch (code) {
            case "42501" -> new PostgresPermissionDeniedException(details, sql);
            case "57014" -> new PostgresTimeoutException(details, sql);
            case "57P01", "57P02", "57P03", "57P04", "57P05" -> new PostgresTransientResourceException(details, sql);
            case "55P03" -> new PostgresTransientException(details, sql);
            default -> switch (code.substring(0, 2)) {
                case "08" -> new PostgresNonTransientResourceException(details, sql);
                case "22", "23" -> new PostgresDataIntegrityViolationException(details, sql);
                case "28" -> new PostgresPermissionDeniedException(details, sql);
                case "40" -> new PostgresRollbackException(details, sql);
                case "42" -> new PostgresBadGrammarException(details, sql);
                case "53" -> new PostgresTransientResourceException(details, sql);
                default -> new PostgresNonTransientException(details, sql);
            };
        };
    }
}
