// Splits a stream of COPY data, chunked anyhow, into rows of fields.
package org.psycopg.r2dbc.copy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reassembles rows from chunks whose boundaries fall anywhere: the bytes of an incomplete row
 * are kept until the rest arrives, so memory holds one row plus one chunk. Subclasses split one
 * format; {@link #feed} hands each complete row to a function that turns its fields into an
 * element. One instance serves one stream; not thread-safe.
 */
abstract class RowDecoder {

    private byte[] pending = new byte[64 * 1024];
    private int start;
    private int end;
    private long rows;
    protected final RowFields fields = new RowFields();

    /**
     * Takes the next chunk and returns the rows it completed.
     *
     * @throws IllegalArgumentException naming the row (counted from 1) when the data is malformed
     *                                  or a field cannot be read
     */
    final <T> List<T> feed(ByteBuffer chunk, Function<RowFields, T> row) {
        append(chunk);
        List<T> out = new ArrayList<>();
        while (start < end) {
            int next;
            try {
                next = split(pending, start, end);
                if (next < 0) {
                    break;
                }
                if (next > start && rowSplit()) {
                    out.add(row.apply(fields));
                    rows++;
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("COPY data, row " + (rows + 1) + ": " + e.getMessage(), e);
            }
            start = next;
        }
        if (start == end) {
            start = 0;
            end = 0;
        }
        return out;
    }

    /** Checks that the data ended where a row (and, for binary, the trailer) did. */
    final void finish() {
        if (start < end || !complete()) {
            throw new IllegalArgumentException("COPY data ends in the middle of " + (start < end ? "row " + (rows + 1) : "the data")
                    + ": " + (end - start) + " bytes left over");
        }
    }

    /**
     * Splits what comes next in {@code bytes[from, to)}: a row (then {@link #rowSplit()} is true
     * and {@link #fields} describes it), or a part without row (header, trailer). {@code from} is
     * where the previous split ended, whatever the bytes have been moved to since: a splitter
     * that keeps how far it has scanned an incomplete row keeps it relative to {@code from}.
     *
     * @return the index after what was split, or -1 when the bytes end before it does
     */
    abstract int split(byte[] bytes, int from, int to);

    /** True when the last {@link #split} was a row. */
    abstract boolean rowSplit();

    /** True when the data may end here. */
    boolean complete() {
        return true;
    }

    private void append(ByteBuffer chunk) {
        int length = chunk.remaining();
        if (end + length > pending.length) {
            int kept = end - start;
            if (kept + length > pending.length) {
                byte[] grown = new byte[Math.max(pending.length * 2, kept + length)];
                System.arraycopy(pending, start, grown, 0, kept);
                pending = grown;
            } else {
                System.arraycopy(pending, start, pending, 0, kept);
            }
            start = 0;
            end = kept;
        }
        chunk.get(chunk.position(), pending, end, length);
        end += length;
    }
}
