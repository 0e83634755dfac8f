// The fields that ErrorResponse and NoticeResponse share, with accessors for the common ones.
package org.psycopg.r2dbc.protocol.backend;

import java.util.Map;

/**
 * The diagnostic fields of an ErrorResponse or NoticeResponse, keyed by the one-byte field type
 * of the protocol: {@code 'S'} localized severity, {@code 'V'} severity, {@code 'C'} SQLSTATE code,
 * {@code 'M'} message, {@code 'D'} detail, {@code 'H'} hint, {@code 'P'} position, {@code 'p'}
 * internal position, {@code 'q'} internal query, {@code 'W'} where, {@code 's'} schema, {@code 't'}
 * table, {@code 'c'} column, {@code 'd'} data type, {@code 'n'} constraint, {@code 'F'} file,
 * {@code 'L'} line, {@code 'R'} routine. Field types unknown today are kept as sent.
 */
public sealed interface Diagnostic permits ErrorResponse, NoticeResponse {

    /** All fields in the order the server sent them; unmodifiable. */
    Map<Character, String> fields();

    /** The value of field {@code type}, or null when the server did not send it. */
    default String field(char type) {
        return fields().get(type);
    }

    /** The SQLSTATE code ({@code 'C'}), such as {@code "42P01"}; always present from a PostgreSQL server. */
    default String code() {
        return field('C');
    }

    /** The primary message ({@code 'M'}); always present from a PostgreSQL server. */
    default String message() {
        return field('M');
    }

    /**
     * The severity, never localized ({@code 'V'}, sent since PostgreSQL 9.6), else the localized
     * one ({@code 'S'}): {@code ERROR}, {@code FATAL}, {@code PANIC}, {@code WARNING}, {@code NOTICE}...
     */
    default String severity() {
        String severity = field('V');
        return severity != null ? severity : field('S');
    }
}
