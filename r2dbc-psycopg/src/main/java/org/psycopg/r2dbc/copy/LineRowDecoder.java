// Splits the line-based COPY formats (text and CSV) into rows of fields.
package org.psycopg.r2dbc.copy;

import java.nio.charset.StandardCharsets;

/**
 * What text and CSV share: a row ends at a newline that is not part of a value (a carriage return
 * before it is dropped), the line {@code \.} marks the end of the data (what follows is
 * ignored), the first line may be a header of column names (skipped, or checked against the names
 * expected), and field values are unescaped into a scratch array that {@link #fields} points into.
 * Subclasses find the row's end and split its fields.
 */
abstract class LineRowDecoder extends RowDecoder {

    private final String[] header;
    private byte[] scratch = new byte[1024];
    private boolean headerPending;
    private boolean ended;
    private boolean row;

    /** @param header the names the header line must hold, none to skip it, null when there is none */
    LineRowDecoder(String[] header) {
        this.header = header;
        this.headerPending = header != null;
    }

    @Override
    final int split(byte[] bytes, int from, int to) {
        row = false;
        if (ended) {
            return to;
        }
        int newline = newline(bytes, from, to);
        if (newline < 0) {
            return -1;
        }
        int stop = newline > from && bytes[newline - 1] == '\r' && !escaped(newline - 1 - from) ? newline - 1 : newline;
        if (stop - from == 2 && bytes[from] == '\\' && bytes[from + 1] == '.') {
            ended = true;
            return newline + 1;
        }
        if (scratch.length < stop - from) {
            scratch = new byte[Math.max(stop - from, scratch.length * 2)];
        }
        fields.begin(scratch);
        splitFields(bytes, from, stop, scratch);
        if (headerPending) {
            headerPending = false;
            checkHeader();
        } else {
            row = true;
        }
        return newline + 1;
    }

    /** Checks the header line just split against the names expected, when there are any. */
    private void checkHeader() {
        if (header.length == 0) {
            return;
        }
        if (fields.count() != header.length) {
            throw new IllegalArgumentException("the header line has " + fields.count() + " fields, not the "
                    + header.length + " expected: " + String.join(", ", header));
        }
        for (int i = 0; i < header.length; i++) {
            String name = fields.length(i) < 0 ? null
                    : new String(fields.array(), fields.offset(i), fields.length(i), StandardCharsets.UTF_8);
            if (!header[i].equals(name)) {
                throw new IllegalArgumentException("header line field " + (i + 1) + " is "
                        + (name == null ? "NULL" : "\"" + name + "\"") + ", not \"" + header[i] + "\"");
            }
        }
    }

    @Override
    final boolean rowSplit() {
        return row;
    }

    /**
     * The index of the newline that ends the row beginning at {@code from}, or -1 when
     * {@code bytes[from, to)} holds none yet. A subclass may remember how far it scanned, relative
     * to {@code from}, and forget it once it finds the newline.
     */
    abstract int newline(byte[] bytes, int from, int to);

    /** True when the byte {@code offset} bytes into the row just found was escaped rather than a character of its own. */
    boolean escaped(int offset) {
        return false;
    }

    /** Adds the fields of the row {@code bytes[from, to)} to {@link #fields}, their unescaped bytes written to {@code out}. */
    abstract void splitFields(byte[] bytes, int from, int to, byte[] out);

    /** True when {@code bytes[from, to)} holds exactly {@code expected}. */
    static boolean equals(byte[] bytes, int from, int to, byte[] expected) {
        return java.util.Arrays.equals(bytes, from, to, expected, 0, expected.length);
    }
}
