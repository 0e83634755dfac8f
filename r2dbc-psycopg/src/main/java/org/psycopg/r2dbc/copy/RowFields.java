// The fields of one COPY row as slices of a byte array.
package org.psycopg.r2dbc.copy;

import java.util.Arrays;

/**
 * Where each field of the row just split lies: an offset and a length into {@link #array()}, or
 * a length of -1 for NULL. Valid until the next row is split. Not thread-safe.
 */
final class RowFields {

    private byte[] array;
    private int count;
    private int[] offsets = new int[16];
    private int[] lengths = new int[16];

    /** Starts a row whose fields lie in {@code array}. */
    void begin(byte[] array) {
        this.array = array;
        count = 0;
    }

    void add(int offset, int length) {
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        offsets[count] = offset;
        lengths[count] = length;
        count++;
    }

    void addNull() {
        add(0, -1);
    }

    byte[] array() {
        return array;
    }

    int count() {
        return count;
    }

    int offset(int field) {
        return offsets[field];
    }

    /** The field's length in bytes, -1 for NULL. */
    int length(int field) {
        return lengths[field];
    }
}
