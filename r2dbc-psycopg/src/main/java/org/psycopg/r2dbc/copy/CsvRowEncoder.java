// Rows in PostgreSQL's CSV COPY format: quoted where needed, NULL as an unquoted null string.
package org.psycopg.r2dbc.copy;

import org.psycopg.r2dbc.codec.ByteArrayValueWriter;
import org.psycopg.r2dbc.codec.CodecRegistry;

/**
 * Writes the CSV COPY format: each value as its type's text, fields separated by the delimiter,
 * rows ended by a newline, NULL as the unquoted null string (empty by default). A value is quoted,
 * with the escape character written before each quote and escape character in it (by default the
 * escape is the quote: quotes are doubled), when it holds the delimiter, the quote, a carriage
 * return or a newline, when it equals the null string (so the empty string stays distinct from NULL), when
 * it is {@code \.} (the end-of-data marker), or when it begins or ends with a space. Unicode is
 * written as UTF-8.
 */
final class CsvRowEncoder extends RowEncoder {

    private final ColumnEncoders encoders;
    private final char delimiter;
    private final char quote;
    private final char escape;
    private final String nullString;

    CsvRowEncoder(CodecRegistry codecs, char delimiter, char quote, char escape, String nullString) {
        this.encoders = new ColumnEncoders(codecs);
        this.delimiter = delimiter;
        this.quote = quote;
        this.escape = escape;
        this.nullString = nullString;
    }

    @Override
    void field(int column, Object value, ByteArrayValueWriter out) {
        if (column > 0) {
            out.writeByte(delimiter);
        }
        if (value == null) {
            out.writeUtf8(nullString);
            return;
        }
        String text = encoders.text(column, value);
        if (!needsQuotes(text)) {
            out.writeUtf8(text);
            return;
        }
        out.writeByte(quote);
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote || c == escape) {
                out.writeUtf8(text, run, i);
                out.writeByte(escape);
                run = i;
            }
        }
        out.writeUtf8(text, run, text.length());
        out.writeByte(quote);
    }

    @Override
    void endRow(ByteArrayValueWriter out) {
        out.writeByte('\n');
    }

    private boolean needsQuotes(String text) {
        if (text.equals(nullString) || text.isEmpty() || text.equals("\\.")
                || text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ') {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == delimiter || c == quote || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
