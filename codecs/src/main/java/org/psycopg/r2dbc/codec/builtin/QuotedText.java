// Quotes an element of an array's, a range's or a record's text form as PostgreSQL's output functions do.
package org.psycopg.r2dbc.codec.builtin;

/**
 * array_out, range_out and record_out write a value as it is unless it could be misread: then in
 * double quotes, with each quote and backslash inside escaped (by a backslash in arrays, by
 * doubling in ranges and records).
 */
final class QuotedText {

    /** How a quote or backslash inside a quoted value is escaped. */
    enum Escape { BACKSLASH, DOUBLING }

    private QuotedText() {
    }

    /**
     * Appends {@code value}, double-quoted when {@code mustQuote}, when it is empty, or when it
     * holds a quote, a backslash, whitespace or one of {@code specials}.
     */
    static void append(StringBuilder b, String value, String specials, boolean mustQuote, Escape escape) {
        boolean quote = mustQuote || value.isEmpty();
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == '"' || c == '\\' || specials.indexOf(c) >= 0 || Character.isWhitespace(c);
        }
        if (!quote) {
            b.append(value);
            return;
        }
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append(escape == Escape.BACKSLASH ? '\\' : c);
            }
            b.append(c);
        }
        b.append('"');
    }
}
