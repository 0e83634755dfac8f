// Checks that every ErrorResponse field lands in its ErrorDetails component and the message text.
package org.psycopg.r2dbc.error;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ErrorDetailsTest {

    @Test
    void everyFieldIsCarried() {
        Map<Character, String> fields = Map.ofEntries(
                Map.entry('S', "FEHLER"),
                Map.entry('V', "ERROR"),
                Map.entry('C', "23503"),
                Map.entry('M', "insert or update on table \"orders\" violates foreign key constraint \"orders_user_fk\""),
                Map.entry('D', "Key (user_id)=(42) is not present in table \"users\"."),
                Map.entry('H', "Insert the user first."),
                Map.entry('P', "15"),
                Map.entry('p', "3"),
                Map.entry('q', "SELECT 1 FROM ONLY \"public\".\"users\" x WHERE \"id\" OPERATOR(pg_catalog.=) $1"),
                Map.entry('W', "SQL statement \"SELECT 1\"\nPL/pgSQL function f() line 3 at PERFORM"),
                Map.entry('s', "public"),
                Map.entry('t', "orders"),
                Map.entry('c', "user_id"),
                Map.entry('d', "int4"),
                Map.entry('n', "orders_user_fk"),
                Map.entry('F', "ri_triggers.c"),
                Map.entry('L', "2610"),
                Map.entry('R', "ri_ReportViolation"));

        ErrorDetails details = ErrorDetails.from(fields);

        assertEquals("FEHLER", details.severity());
        assertEquals("ERROR", details.severityNonLocalized());
        assertEquals("23503", details.code());
        assertEquals("insert or update on table \"orders\" violates foreign key constraint \"orders_user_fk\"", details.message());
        assertEquals("Key (user_id)=(42) is not present in table \"users\".", details.detail());
        assertEquals("Insert the user first.", details.hint());
        assertEquals(15, details.position());
        assertEquals(3, details.internalPosition());
        assertEquals("SELECT 1 FROM ONLY \"public\".\"users\" x WHERE \"id\" OPERATOR(pg_catalog.=) $1", details.internalQuery());
        assertEquals("SQL statement \"SELECT 1\"\nPL/pgSQL function f() line 3 at PERFORM", details.where());
        assertEquals("public", details.schemaName());
        assertEquals("orders", details.tableName());
        assertEquals("user_id", details.columnName());
        assertEquals("int4", details.dataTypeName());
        assertEquals("orders_user_fk", details.constraintName());
        assertEquals("ri_triggers.c", details.file());
        assertEquals("2610", details.line());
        assertEquals("ri_ReportViolation", details.routine());
        assertEquals(Optional.of(SqlState.FOREIGN_KEY_VIOLATION), details.sqlState());
    }

    @Test
    void absentFieldsAreNullAndUnknownFieldTypesAreSkipped() {
        ErrorDetails details = ErrorDetails.from(Map.of(
                'S', "ERROR", 'C', "42P01", 'M', "relation \"nope\" does not exist", 'Z', "future field"));

        assertEquals("ERROR", details.severity());
        assertEquals("42P01", details.code());
        assertNull(details.severityNonLocalized());
        assertNull(details.detail());
        assertNull(details.hint());
        assertNull(details.position());
        assertNull(details.internalPosition());
        assertNull(details.internalQuery());
        assertNull(details.where());
        assertNull(details.schemaName());
        assertNull(details.tableName());
        assertNull(details.columnName());
        assertNull(details.dataTypeName());
        assertNull(details.constraintName());
        assertNull(details.file());
        assertNull(details.line());
        assertNull(details.routine());
    }

    @Test
    void positionThatIsNotANumberIsNull() {
        ErrorDetails details = ErrorDetails.from(Map.of('C', "42601", 'M', "syntax error", 'P', "x1"));

        assertNull(details.position());
    }

    @Test
    void messageTextIsMessageAndSqlStateThenDetailAndHintLines() {
        ErrorDetails details = ErrorDetails.from(Map.of(
                'C', "42883",
                'M', "function lower(integer) does not exist",
                'D', "No function matches.",
                'H', "No function matches the given name and argument types. You might need to add explicit type casts."));

        assertEquals("function lower(integer) does not exist [42883]\n"
                        + "DETAIL: No function matches.\n"
                        + "HINT: No function matches the given name and argument types. You might need to add explicit type casts.",
                details.formattedMessage());
    }

    @Test
    void messageTextWithoutDetailOrHintIsOneLine() {
        ErrorDetails details = ErrorDetails.from(Map.of('C', "22012", 'M', "division by zero"));

        assertEquals("division by zero [22012]", details.formattedMessage());
    }

    @Test
    void messageTextWithoutCodeOrMessageStillSaysSomething() {
        assertEquals("(no message)", ErrorDetails.from(Map.of()).formattedMessage());
        assertEquals("boom", ErrorDetails.from(Map.of('M', "boom")).formattedMessage());
    }
}
