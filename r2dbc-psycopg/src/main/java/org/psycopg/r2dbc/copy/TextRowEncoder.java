// Rows in PostgreSQL's text COPY format: delimited fields, backslash escapes, \N for NULL.
package org.psycopg.r2dbc.copy;

import java.nio.charset.StandardCharsets;
import org.psycopg.r2dbc.codec.ByteArrayValueWriter;
import org.psycopg.r2dbc.codec.CodecRegistry;

/**
 * Writes the text COPY format: each value as its type's text (what the type's input function
 * reads), fields separated by the delimiter, rows ended by a newline, NULL as the null string
 * ({@code \N} by default). In a value, backslash, newline, carriage return, tab and the delimiter
 * are escaped with a backslash, as COPY requires; a value that would read as the null string is
 * escaped so that it does not. Other characters, unicode included, are written as UTF-8.
 */
final class TextRowEncoder extends RowEncoder {

    private final ColumnEncoders encoders;
    private final char delimiter;
    private final String nullString;
    private final byte[] nullBytes;

    TextRowEncoder(CodecRegistry codecs, char delimiter, String nullString) {
        this.encoders = new ColumnEncoders(codecs);
        this.delimiter = delimiter;
        this.nullString = nullString;
        this.nullBytes = nullString.getBytes(StandardCharsets.UTF_8);
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
        int start = out.size();
        writeEscaped(text, out);
        if (out.endsWith(start, nullBytes)) {
            // The text reads as NULL: a backslash before a character without an escape meaning keeps its value.
            out.truncate(start);
            writeDistinctFromNull(text, out);
        }
    }

    @Override
    void endRow(ByteArrayValueWriter out) {
        out.writeByte('\n');
    }

    private void writeEscaped(String text, ByteArrayValueWriter out) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null) {
                out.writeUtf8(text, run, i);
                out.writeUtf8(escape);
                run = i + 1;
            }
        }
        out.writeUtf8(text, run, text.length());
    }

    private String escape(char c) {
        switch (c) {
            case '\\': return "\\\\";
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            default: return c == delimiter ? "\\" + c : null;
        }
    }

    private void writeDistinctFromNull(String text, ByteArrayValueWriter out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escape(c) == null && "bfnrtvx01234567".indexOf(c) < 0 && !Character.isSurrogate(c)) {
                writeEscaped(text.substring(0, i), out);
                out.writeByte('\\');
                writeEscaped(text.substring(i), out);
                return;
            }
        }
        throw new IllegalArgumentException("the value " + text + " reads as the null string " + nullString);
    }
}
