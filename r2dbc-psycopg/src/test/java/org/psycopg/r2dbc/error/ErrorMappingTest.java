// Checks every row of the SQLSTATE to R2DBC exception table with ErrorResponse fields as PostgreSQL sends them.
package org.psycopg.r2dbc.error;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ErrorMappingTest {

    private static final String SQL = "INSERT INTO users (id, name) VALUES ($1, $2)";

    static Stream<Arguments> errors() {
        return Stream.of(
                // class 08 -> non-transient resource
                row("ERROR", "08P01", "invalid frontend message type 120",
                        PostgresNonTransientResourceException.class, R2dbcNonTransientResourceException.class),
                row("FATAL", "08006", "connection failure",
                        PostgresNonTransientResourceException.class, R2dbcNonTransientResourceException.class),
                // classes 22 and 23 -> data integrity violation
                row("ERROR", "22001", "value too long for type character varying(3)",
                        PostgresDataIntegrityViolationException.class, R2dbcDataIntegrityViolationException.class),
                row("ERROR", "22003", "integer out of range",
                        PostgresDataIntegrityViolationException.class, R2dbcDataIntegrityViolationException.class),
                row("ERROR", "22P02", "invalid input syntax for type integer: \"abc\"",
                        PostgresDataIntegrityViolationException.class, R2dbcDataIntegrityViolationException.class),
                row("ERROR", "23505", "duplicate key value violates unique constraint \"users_pkey\"",
                        PostgresDataIntegrityViolationException.class, R2dbcDataIntegrityViolationException.class),
                row("ERROR", "23502", "null value in column \"name\" of relation \"users\" violates not-null constraint",
                        PostgresDataIntegrityViolationException.class, R2dbcDataIntegrityViolationException.class),
                // class 42 -> bad grammar, except 42501 -> permission denied
                row("ERROR", "42601", "syntax error at or near \"SELEC\"",
                        PostgresBadGrammarException.class, R2dbcBadGrammarException.class),
                row("ERROR", "42P01", "relation \"nope\" does not exist",
                        PostgresBadGrammarException.class, R2dbcBadGrammarException.class),
                row("ERROR", "42703", "column \"nme\" does not exist",
                        PostgresBadGrammarException.class, R2dbcBadGrammarException.class),
                row("ERROR", "42501", "permission denied for table secrets",
                        PostgresPermissionDeniedException.class, R2dbcPermissionDeniedException.class),
                // class 28 -> permission denied
                row("FATAL", "28P01", "password authentication failed for user \"alice\"",
                        PostgresPermissionDeniedException.class, R2dbcPermissionDeniedException.class),
                row("FATAL", "28000", "no pg_hba.conf entry for host \"127.0.0.1\", user \"bob\", database \"db\", no encryption",
                        PostgresPermissionDeniedException.class, R2dbcPermissionDeniedException.class),
                // class 40 -> rollback
                row("ERROR", "40001", "could not serialize access due to concurrent update",
                        PostgresRollbackException.class, R2dbcRollbackException.class),
                row("ERROR", "40P01", "deadlock detected",
                        PostgresRollbackException.class, R2dbcRollbackException.class),
                row("ERROR", "40003", "statement completion unknown",
                        PostgresRollbackException.class, R2dbcRollbackException.class),
                // 57014 -> timeout
                row("ERROR", "57014", "canceling statement due to statement timeout",
                        PostgresTimeoutException.class, R2dbcTimeoutException.class),
                // class 53 and 57P01..57P05 -> transient resource
                row("FATAL", "53300", "sorry, too many clients already",
                        PostgresTransientResourceException.class, R2dbcTransientResourceException.class),
                row("ERROR", "53100", "could not extend file \"base/5/16384\": No space left on device",
                        PostgresTransientResourceException.class, R2dbcTransientResourceException.class),
                row("FATAL", "57P01", "terminating connection due to administrator command",
                        PostgresTransientResourceException.class, R2dbcTransientResourceException.class),
                row("FATAL", "57P02", "terminating connection because of crash of another server process",
                        PostgresTransientResourceException.class, R2dbcTransientResourceException.class),
                row("FATAL", "57P03", "the database system is starting up",
                        PostgresTransientResourceException.class, R2dbcTransientResourceException.class),
                row("FATAL", "57P04", "terminating connection because database was dropped",
                        PostgresTransientResourceException.class, R2dbcTransientResourceException.class),
                row("FATAL", "57P05", "terminating connection due to idle-session timeout",
                        PostgresTransientResourceException.class, R2dbcTransientResourceException.class),
                // 55P03 -> transient
                row("ERROR", "55P03", "canceling statement due to lock timeout",
                        PostgresTransientException.class, R2dbcTransientException.class),
                // class 25 and everything else -> non-transient
                row("ERROR", "25P02", "current transaction is aborted, commands ignored until end of transaction block",
                        PostgresNonTransientException.class, R2dbcNonTransientException.class),
                row("ERROR", "25006", "cannot execute INSERT in a read-only transaction",
                        PostgresNonTransientException.class, R2dbcNonTransientException.class),
                row("ERROR", "0A000", "LOCK TABLE is not supported for views",
                        PostgresNonTransientException.class, R2dbcNonTransientException.class),
                row("ERROR", "P0001", "boom",
                        PostgresNonTransientException.class, R2dbcNonTransientException.class),
                row("ERROR", "XX000", "cache lookup failed for type 0",
                        PostgresNonTransientException.class, R2dbcNonTransientException.class),
                row("ERROR", "55006", "database \"x\" is being accessed by other users",
                        PostgresNonTransientException.class, R2dbcNonTransientException.class),
                row("ERROR", "57000", "operator intervention",
                        PostgresNonTransientException.class, R2dbcNonTransientException.class),
                row("ERROR", "ZZ123", "an extension's own code",
                        PostgresNonTransientException.class, R2dbcNonTransientException.class));
    }

    private static Arguments row(String severity, String code, String message,
                                 Class<? extends R2dbcException> type, Class<? extends R2dbcException> category) {
        return Arguments.of(severity, code, message, type, category);
    }

    @ParameterizedTest(name = "{1} -> {3}")
    @MethodSource("errors")
    void sqlStateChoosesTheR2dbcCategory(String severity, String code, String message,
                                         Class<? extends R2dbcException> type,
                                         Class<? extends R2dbcException> category) {
        Map<Character, String> fields = Map.of(
                'S', severity, 'V', severity, 'C', code, 'M', message, 'F', "postgres.c", 'L', "1234", 'R', "exec_simple_query");

        R2dbcException exception = ErrorMapping.toException(fields, SQL);

        assertEquals(type, exception.getClass());
        assertInstanceOf(category, exception);
        assertEquals(code, exception.getSqlState());
        assertEquals(SQL, exception.getSql());
        assertEquals(0, exception.getErrorCode());
        assertEquals(message + " [" + code + "]", exception.getMessage());
        PostgresException postgres = assertInstanceOf(PostgresException.class, exception);
        assertEquals(severity, postgres.details().severityNonLocalized());
        assertEquals(message, postgres.details().message());
        assertEquals(SqlState.of(code), postgres.sqlState());
        assertEquals(SQL, postgres.getSql());
    }

    @Test
    void uniqueViolationCarriesConstraintDetailAndMessageText() {
        Map<Character, String> fields = new HashMap<>();
        fields.put('S', "ERROR");
        fields.put('V', "ERROR");
        fields.put('C', "23505");
        fields.put('M', "duplicate key value violates unique constraint \"users_pkey\"");
        fields.put('D', "Key (id)=(1) already exists.");
        fields.put('s', "public");
        fields.put('t', "users");
        fields.put('n', "users_pkey");
        fields.put('F', "nbtinsert.c");
        fields.put('L', "673");
        fields.put('R', "_bt_check_unique");

        R2dbcException exception = ErrorMapping.toException(fields, SQL);

        PostgresDataIntegrityViolationException violation =
                assertInstanceOf(PostgresDataIntegrityViolationException.class, exception);
        assertEquals("duplicate key value violates unique constraint \"users_pkey\" [23505]\n"
                + "DETAIL: Key (id)=(1) already exists.", violation.getMessage());
        assertEquals(Optional.of(SqlState.UNIQUE_VIOLATION), violation.sqlState());
        assertEquals("users_pkey", violation.details().constraintName());
        assertEquals("users", violation.details().tableName());
        assertEquals("public", violation.details().schemaName());
        assertEquals("_bt_check_unique", violation.details().routine());
    }

    @Test
    void syntaxErrorCarriesPositionAndTheFailedSql() {
        R2dbcException exception = ErrorMapping.toException(Map.of(
                'S', "ERROR", 'V', "ERROR", 'C', "42601", 'M', "syntax error at or near \"SELEC\"", 'P', "1"), "SELEC 1");

        PostgresBadGrammarException grammar = assertInstanceOf(PostgresBadGrammarException.class, exception);
        assertEquals("SELEC 1", grammar.getSql());
        assertEquals("SELEC 1", grammar.getOffendingSql());
        assertEquals(1, grammar.details().position());
    }

    @Test
    void deadlockCarriesHintAndWhere() {
        R2dbcException exception = ErrorMapping.toException(Map.of(
                'S', "ERROR", 'C', "40P01", 'M', "deadlock detected",
                'D', "Process 12 waits for ShareLock on transaction 7; blocked by process 13.",
                'H', "See server log for query details.",
                'W', "while updating tuple (0,1) in relation \"accounts\""), SQL);

        PostgresRollbackException rollback = assertInstanceOf(PostgresRollbackException.class, exception);
        assertEquals("deadlock detected [40P01]\n"
                + "DETAIL: Process 12 waits for ShareLock on transaction 7; blocked by process 13.\n"
                + "HINT: See server log for query details.", rollback.getMessage());
        assertEquals("while updating tuple (0,1) in relation \"accounts\"", rollback.details().where());
    }

    @Test
    void errorOutsideAStatementHasNoSql() {
        R2dbcException exception = ErrorMapping.toException(Map.of(
                'S', "FATAL", 'C', "3D000", 'M', "database \"nope\" does not exist"), null);

        assertInstanceOf(PostgresNonTransientException.class, exception);
        assertNull(exception.getSql());
        assertEquals(Optional.of(SqlState.INVALID_CATALOG_NAME), ((PostgresException) exception).sqlState());
    }

    @Test
    void missingOrMalformedCodeIsNonTransient() {
        R2dbcException missing = ErrorMapping.toException(Map.of('S', "ERROR", 'M', "no code"), SQL);
        R2dbcException malformed = ErrorMapping.toException(Map.of('S', "ERROR", 'C', "2", 'M', "short code"), SQL);

        assertInstanceOf(PostgresNonTransientException.class, missing);
        assertNull(missing.getSqlState());
        assertEquals("no code", missing.getMessage());
        assertInstanceOf(PostgresNonTransientException.class, malformed);
        assertEquals("2", malformed.getSqlState());
    }

    @Test
    void detailsAlreadyReadMapTheSameWay() {
        ErrorDetails details = ErrorDetails.from(Map.of('C', "57014", 'M', "canceling statement due to user request"));

        R2dbcException exception = ErrorMapping.toException(details, SQL);

        assertSame(details, ((PostgresException) exception).details());
        assertInstanceOf(R2dbcTimeoutException.class, exception);
    }
}
