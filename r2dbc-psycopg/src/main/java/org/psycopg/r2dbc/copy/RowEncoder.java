// How typed rows are written in one COPY format.
package org.psycopg.r2dbc.copy;

import org.psycopg.r2dbc.codec.ByteArrayValueWriter;

/**
 * Writes rows in one COPY format (text, CSV or binary) into a {@link ByteArrayValueWriter}: what comes before
 * the first row, each row, and what ends the data. One instance serves one stream of rows; not
 * thread-safe.
 */
abstract class RowEncoder {

    private long rows;

    /** Writes what precedes the first row. */
    void header(ByteArrayValueWriter out) {
    }

    /** Writes what follows the last row. */
    void trailer(ByteArrayValueWriter out) {
    }

    /**
     * Writes one row; a row that fails leaves nothing of it in {@code out}.
     *
     * @throws IllegalArgumentException naming the row (counted from 1) and the column (from 1)
     *                                  when a value cannot be written
     */
    final void row(Object[] values, ByteArrayValueWriter out) {
        rows++;
        int start = out.size();
        int column = -1;
        try {
            beginRow(values.length, out);
            for (column = 0; column < values.length; column++) {
                field(column, values[column], out);
            }
            endRow(out);
        } catch (RuntimeException e) {
            out.truncate(start);
            String where = column >= 0 && column < values.length ? "row " + rows + ", column " + (column + 1) : "row " + rows;
            throw new IllegalArgumentException("COPY " + where + ": " + e.getMessage(), e);
        }
    }

    /** Writes a header line of column names (text and CSV): a row of their text that is not counted as a row. */
    final void headerLine(String[] names, ByteArrayValueWriter out) {
        int start = out.size();
        try {
            for (int column = 0; column < names.length; column++) {
                field(column, names[column], out);
            }
            endRow(out);
        } catch (RuntimeException e) {
            out.truncate(start);
            throw new IllegalArgumentException("COPY header line: " + e.getMessage(), e);
        }
    }

    /** Writes what begins a row of {@code columns} values. */
    void beginRow(int columns, ByteArrayValueWriter out) {
    }

    /** Writes the value of column {@code column} (0-based), null included, with what separates it from the previous one. */
    abstract void field(int column, Object value, ByteArrayValueWriter out);

    /** Writes what ends a row. */
    abstract void endRow(ByteArrayValueWriter out);
}
