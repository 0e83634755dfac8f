// Splits PostgreSQL's text COPY format into rows of unescaped fields.
package org.psycopg.r2dbc.copy;

/**
 * Reads the text COPY format: fields separated by the delimiter, a field equal to the null string
 * (before unescaping, as the server compares it) is NULL, and backslash sequences are unescaped:
 * {@code \b \f \n \r \t \v}, one to three octal digits, {@code \x} and one or two hex digits, and a
 * backslash before any other character stands for that character.
 */
final class TextRowDecoder extends LineRowDecoder {

    private final byte delimiter;
    private final byte[] nullBytes;
    private int scanned;
    private int escapedAt = -1;

    /** @param header the names the header line must hold, none to skip it, null when there is none */
    TextRowDecoder(char delimiter, byte[] nullBytes, String[] header) {
        super(header);
        this.delimiter = (byte) delimiter;
        this.nullBytes = nullBytes;
    }

    @Override
    int newline(byte[] bytes, int from, int to) {
        if (scanned == 0) {
            escapedAt = -1;
        }
        int i = from + scanned;
        while (i < to) {
            byte b = bytes[i];
            if (b == '\\') {
                if (i + 1 >= to) {
                    break;
                }
                escapedAt = i + 1 - from;
                i += 2;
            } else if (b == '\n') {
                scanned = 0;
                return i;
            } else {
                i++;
            }
        }
        scanned = i - from;
        return -1;
    }

    @Override
    boolean escaped(int offset) {
        return offset == escapedAt;
    }

    @Override
    void splitFields(byte[] bytes, int from, int to, byte[] out) {
        int o = 0;
        int fieldStart = from;
        int valueStart = 0;
        int i = from;
        while (true) {
            if (i == to || bytes[i] == delimiter) {
                if (equals(bytes, fieldStart, i, nullBytes)) {
                    fields.addNull();
                } else {
                    fields.add(valueStart, o - valueStart);
                }
                if (i == to) {
                    return;
                }
                i++;
                fieldStart = i;
                valueStart = o;
                continue;
            }
            byte b = bytes[i++];
            if (b != '\\' || i == to) {
                out[o++] = b;
                continue;
            }
            byte c = bytes[i++];
            switch (c) {
                case 'b' -> out[o++] = '\b';
                case 'f' -> out[o++] = '\f';
                case 'n' -> out[o++] = '\n';
                case 'r' -> out[o++] = '\r';
                case 't' -> out[o++] = '\t';
                case 'v' -> out[o++] = 0x0B;
                case 'x' -> {
                    int value = 0;
                    int digits = 0;
                    while (digits < 2 && i < to && Character.digit(bytes[i], 16) >= 0) {
                        value = value * 16 + Character.digit(bytes[i++], 16);
                        digits++;
                    }
                    out[o++] = digits == 0 ? (byte) 'x' : (byte) value;
                }
                default -> {
                    if (c >= '0' && c <= '7') {
                        int value = c - '0';
                        for (int digits = 1; digits < 3 && i < to && bytes[i] >= '0' && bytes[i] <= '7'; digits++) {
                            value = value * 8 + bytes[i++] - '0';
                        }
                        out[o++] = (byte) value;
                    } else {
                        out[o++] = c;
                    }
                }
            }
        }
    }
}
