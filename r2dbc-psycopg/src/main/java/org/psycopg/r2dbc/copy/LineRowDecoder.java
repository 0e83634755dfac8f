// Splits the line-based COPY formats (text and CSV) into rows of fields.
package org.psycopg.r2dbc.copy;

/**
 * What text and CSV share: a row ends at a newline that is not part of a value (a carriage return
 * before it is dropped), the line {@code \.} marks the end of the data (what follows is
 * ignored), and field values are unescaped into a scratch array that {@link #fields} points into.
 * Subclasses find the row's end and split its fields.
 */
abstract class LineRowDecoder extends RowDecoder {

    private byte[] scratch = new byte[1024];
    private boolean ended;
    private boolean row;

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
        row = true;
        return newline + 1;
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
