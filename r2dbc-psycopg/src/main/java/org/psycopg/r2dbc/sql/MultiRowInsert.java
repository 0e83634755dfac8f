// A single-row INSERT ... VALUES statement written out for many rows at once.
package org.psycopg.r2dbc.sql;

/**
 * {@code INSERT INTO t (a, b) VALUES ($1, $2)} for {@code rows} rows is
 * {@code INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4), ...}: the tuple repeated with its parameters
 * renumbered, whatever follows it ({@code ON CONFLICT}, {@code RETURNING}) kept once. The server
 * then inserts many rows per statement, which costs it far less than a statement per row. The
 * driver uses it for batches when {@code rewriteBatchedInserts} is on.
 */
public final class MultiRowInsert {

    private final String sql;
    private final InsertTuple tuple;
    private final int parameterCount;

    private MultiRowInsert(String sql, InsertTuple tuple, int parameterCount) {
        this.sql = sql;
        this.tuple = tuple;
        this.parameterCount = parameterCount;
    }

    /**
     * The statement as a multi-row INSERT, or null when it is not one statement
     * {@code INSERT ... VALUES (tuple) [ON ...] [RETURNING ...]} with parameters that all sit in
     * the tuple.
     */
    public static MultiRowInsert of(ParsedSql parsed) {
        if (parsed.parameterCount() == 0) {
            return null;
        }
        // The text as sent is in $n style, where the scanner's offsets are offsets into it.
        InsertTuple tuple = ParsedSql.parse(parsed.sql()).insertTuple();
        return tuple == null ? null : new MultiRowInsert(parsed.sql(), tuple, parsed.parameterCount());
    }

    /** Parameters per row: the single-row statement's. */
    public int parameterCount() {
        return parameterCount;
    }

    /** The most rows one statement can take: a Bind message carries at most 65,535 parameters. */
    public int maxRows() {
        return SqlScanner.MAX_PARAMETERS / parameterCount;
    }

    /**
     * The text for {@code rows} rows; row {@code r} (from 0) uses parameters
     * {@code $(r * parameterCount() + 1)} onwards.
     *
     * @throws IllegalArgumentException if {@code rows} is not between 1 and {@link #maxRows()}
     */
    public String sql(int rows) {
        if (rows < 1 || rows > maxRows()) {
            throw new IllegalArgumentException("rows must be between 1 and " + maxRows() + ", got " + rows);
        }
        int[] parameters = tuple.parameters();
        StringBuilder out = new StringBuilder(sql.length() + (rows - 1) * (tuple.end() - tuple.start() + 8));
        out.append(sql, 0, tuple.start());
        for (int row = 0; row < rows; row++) {
            if (row > 0) {
                out.append(", ");
            }
            int copied = tuple.start();
            for (int k = 0; k < parameters.length; k += 3) {
                out.append(sql, copied, parameters[k]).append('$').append(parameters[k + 2] + row * parameterCount);
                copied = parameters[k + 1];
            }
            out.append(sql, copied, tuple.end());
        }
        return out.append(sql, tuple.end(), sql.length()).toString();
    }
}
