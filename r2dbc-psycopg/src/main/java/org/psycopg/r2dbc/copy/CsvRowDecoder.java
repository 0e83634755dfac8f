// Splits PostgreSQL's CSV COPY format into rows of unquoted fields.
package org.psycopg.r2dbc.copy;

/**
 * Reads the CSV COPY format: fields separated by the delimiter; a quote character opens and
 * closes a quoted part anywhere in a field, within which delimiters, carriage returns and
 * newlines are data and a doubled quote stands for one; an unquoted field equal to the null
 * string is NULL, so that a quoted one ({@code ""} by default) is the empty string.
 */
final class CsvRowDecoder extends LineRowDecoder {

    private final byte delimiter;
    private final byte quote;
    private final byte[] nullBytes;
    private int scanned;
    private boolean quoted;

    CsvRowDecoder(char delimiter, char quote, byte[] nullBytes) {
        this.delimiter = (byte) delimiter;
        this.quote = (byte) quote;
        this.nullBytes = nullBytes;
    }

    @Override
    int newline(byte[] bytes, int from, int to) {
        boolean inQuotes = quoted;
        for (int i = from + scanned; i < to; i++) {
            byte b = bytes[i];
            if (b == quote) {
                inQuotes = !inQuotes;
            } else if (b == '\n' && !inQuotes) {
                scanned = 0;
                quoted = false;
                return i;
            }
        }
        scanned = to - from;
        quoted = inQuotes;
        return -1;
    }

    @Override
    void splitFields(byte[] bytes, int from, int to, byte[] out) {
        int o = 0;
        int i = from;
        while (true) {
            int fieldStart = i;
            int valueStart = o;
            boolean inQuotes = false;
            boolean sawQuote = false;
            while (i < to) {
                byte b = bytes[i];
                if (inQuotes) {
                    if (b == quote) {
                        if (i + 1 < to && bytes[i + 1] == quote) {
                            out[o++] = quote;
                            i += 2;
                            continue;
                        }
                        inQuotes = false;
                    } else {
                        out[o++] = b;
                    }
                } else if (b == delimiter) {
                    break;
                } else if (b == quote) {
                    inQuotes = true;
                    sawQuote = true;
                } else {
                    out[o++] = b;
                }
                i++;
            }
            if (inQuotes) {
                throw new IllegalArgumentException("unterminated CSV quoted field");
            }
            if (!sawQuote && equals(bytes, fieldStart, i, nullBytes)) {
                fields.addNull();
            } else {
                fields.add(valueStart, o - valueStart);
            }
            if (i == to) {
                return;
            }
            i++;
        }
    }
}
