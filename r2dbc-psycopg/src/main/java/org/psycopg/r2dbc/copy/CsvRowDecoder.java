// Splits PostgreSQL's CSV COPY format into rows of unquoted fields.
package org.psycopg.r2dbc.copy;

/**
 * Reads the CSV COPY format: fields separated by the delimiter; a quote character opens and
 * closes a quoted part anywhere in a field, within which delimiters, carriage returns and
 * newlines are data and the escape character before a quote or another escape character stands
 * for that character (by default the escape is the quote: a doubled quote stands for one; any
 * other escape before another character is data); an unquoted field equal to the null string is
 * NULL, so that a quoted one ({@code ""} by default) is the empty string.
 */
final class CsvRowDecoder extends LineRowDecoder {

    private final byte delimiter;
    private final byte quote;
    private final byte escape;
    private final byte[] nullBytes;
    private int scanned;
    private boolean quoted;

    /** @param header the names the header line must hold, none to skip it, null when there is none */
    CsvRowDecoder(char delimiter, char quote, char escape, byte[] nullBytes, String[] header) {
        super(header);
        this.delimiter = (byte) delimiter;
        this.quote = (byte) quote;
        this.escape = (byte) escape;
        this.nullBytes = nullBytes;
    }

    @Override
    int newline(byte[] bytes, int from, int to) {
        boolean inQuotes = quoted;
        int i = from + scanned;
        while (i < to) {
            byte b = bytes[i];
            if (inQuotes && b == escape && escape != quote) {
                if (i + 1 >= to) {
                    break;
                }
                byte next = bytes[i + 1];
                i += next == quote || next == escape ? 2 : 1;
                continue;
            }
            if (b == quote) {
                inQuotes = !inQuotes;
            } else if (b == '\n' && !inQuotes) {
                scanned = 0;
                quoted = false;
                return i;
            }
            i++;
        }
        scanned = i - from;
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
                    if (b == escape && i + 1 < to && (bytes[i + 1] == quote || bytes[i + 1] == escape)) {
                        out[o++] = bytes[i + 1];
                        i += 2;
                        continue;
                    }
                    if (b == quote) {
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
