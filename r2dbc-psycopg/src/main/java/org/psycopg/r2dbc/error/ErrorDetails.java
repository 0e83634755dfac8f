// The diagnostic fields of one ErrorResponse or NoticeResponse, each under its own name.
package org.psycopg.r2dbc.error;

import java.util.Map;
import java.util.Optional;

/**
 * Every field that PostgreSQL sends in an ErrorResponse or a NoticeResponse, by name, as the
 * protocol documentation ("Error and Notice Message Fields") lists them. A field that the message
 * did not carry is {@code null}; PostgreSQL always sends severity, code and message.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param severity             'S': the severity, possibly localized ({@code ERROR}, {@code FEHLER}...)
 * @param severityNonLocalized 'V': the severity, never localized ({@code ERROR}, {@code FATAL},
 *                             {@code PANIC}, {@code WARNING}, {@code NOTICE}, {@code DEBUG},
 *                             {@code INFO}, {@code LOG}); absent before PostgreSQL 9.6
 * @param code                 'C': the SQLSTATE code, see {@link SqlState}
 * @param message              'M': the primary message
 * @param detail               'D': a secondary message with more detail
 * @param hint                 'H': a suggestion what to do about the problem
 * @param position             'P': the 1-based character index in the statement where the error is
 * @param internalPosition     'p': like {@code position}, but in {@code internalQuery}
 * @param internalQuery        'q': the internally generated command that failed
 * @param where                'W': the context: call stack of functions, internal queries
 * @param schemaName           's': the schema of the object concerned
 * @param tableName            't': the table concerned
 * @param columnName           'c': the column concerned
 * @param dataTypeName         'd': the data type concerned
 * @param constraintName       'n': the constraint concerned
 * @param file                 'F': the server source file that reported the error
 * @param line                 'L': the line in that file, as the server sent it
 * @param routine              'R': the server source routine that reported the error
 */
public record ErrorDetails(
        String severity,
        String severityNonLocalized,
        String code,
        String message,
        String detail,
        String hint,
        Integer position,
        Integer internalPosition,
        String internalQuery,
        String where,
        String schemaName,
        String tableName,
        String columnName,
        String dataTypeName,
        String constraintName,
        String file,
        String line,
        String routine) {

    /**
     * Reads the fields of one message, keyed by their one-byte field type.
     * Unknown field types are skipped, as the protocol asks of clients. A position that is not a
     * number is kept as {@code null} rather than failing the error report.
     *
     * @param fields the field type of each field and its value
     * @return the details, with {@code null} for every field the message did not carry
     */
    public static ErrorDetails from(Map<Character, String> fields) {
        return new ErrorDetails(
                fields.get('S'),
                fields.get('V'),
                fields.get('C'),
                fields.get('M'),
                fields.get('D'),
                fields.get('H'),
                position(fields.get('P')),
                position(fields.get('p')),
                fields.get('q'),
                fields.get('W'),
                fields.get('s'),
                fields.get('t'),
                fields.get('c'),
                fields.get('d'),
                fields.get('n'),
                fields.get('F'),
                fields.get('L'),
                fields.get('R'));
    }

    private static Integer position(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** @return the SQLSTATE as a constant, or empty when absent or not a PostgreSQL code */
    public Optional<SqlState> sqlState() {
        return SqlState.of(code);
    }

    /**
     * The text that exceptions carry: the primary message followed by the SQLSTATE in brackets,
     * then a {@code DETAIL:} and a {@code HINT:} line when the server sent them, e.g.
     * <pre>
     * duplicate key value violates unique constraint "t_pkey" [23505]
     * DETAIL: Key (id)=(1) already exists.
     * </pre>
     *
     * @return the formatted message, never {@code null}
     */
    public String formattedMessage() {
        StringBuilder text = new StringBuilder(message != null ? message : "(no message)");
        if (code != null) {
            text.append(" [").append(code).append(']');
        }
        if (detail != null) {
            text.append("\nDETAIL: ").append(detail);
        }
        if (hint != null) {
            text.append("\nHINT: ").append(hint);
        }
        return text.toString();
    }
}
