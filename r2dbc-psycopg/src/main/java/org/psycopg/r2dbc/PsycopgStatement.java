// A SQL statement with its bindings, run with the extended query protocol.
package org.psycopg.r2dbc;

import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.psycopg.r2dbc.sql.Identifier;
import org.psycopg.r2dbc.sql.MultiRowInsert;
import org.psycopg.r2dbc.sql.ParsedSql;
import reactor.core.publisher.Flux;

/**
 * Placeholders may be {@code $1}, {@code :name} or psycopg's {@code %s}/{@code %(name)s}; every
 * binding added with {@link #add()} runs in one pipeline: one Parse, a Bind and Execute per
 * binding, one Sync, so a batch of any size costs one round trip and commits or fails as a whole.
 * With {@code rewriteBatchedInserts} a batch of a single-row {@code INSERT ... VALUES (...)} runs
 * as INSERTs of up to {@value #ROWS_PER_INSERT} rows each, still in one pipeline, and gives one
 * result per INSERT run. A SQL string with several statements and no parameters runs as one
 * simple query with a result per statement.
 */
public final class PsycopgStatement implements Statement {

    /** Rows per rewritten INSERT: enough to spread the server's per-statement cost thin. */
    static final int ROWS_PER_INSERT = 128;

    private final PsycopgConnection connection;
    private final String sql;
    private final ParsedSql parsed;
    private final boolean rewriteBatchedInserts;
    private final List<Object[]> bindings = new ArrayList<>();
    private Object[] current;
    private int fetchSize;
    private String[] generatedColumns;

    PsycopgStatement(PsycopgConnection connection, String sql, int fetchSize, boolean rewriteBatchedInserts) {
        this.connection = connection;
        this.sql = sql;
        this.parsed = ParsedSql.parse(sql);
        this.current = new Object[parsed.parameterCount()];
        this.fetchSize = fetchSize;
        this.rewriteBatchedInserts = rewriteBatchedInserts;
    }

    @Override
    public PsycopgStatement add() {
        requireComplete(current);
        bindings.add(current);
        current = new Object[parsed.parameterCount()];
        return this;
    }

    /**
     * @throws IllegalArgumentException if {@code value} is null or no codec binds its class
     * @throws IndexOutOfBoundsException if the statement has no parameter {@code index}
     */
    @Override
    public PsycopgStatement bind(int index, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("value must not be null: use bindNull(" + index + ", type)");
        }
        checkIndex(index);
        requireEncoder(BoundValueKind.of(value) == BoundValueKind.PARAMETER ? ((Parameter) value).getValue() : value);
        current[index] = value;
        return this;
    }

    /**
     * @throws IllegalArgumentException if {@code name} or {@code value} is null or no codec binds the value's class
     * @throws NoSuchElementException if the statement has no parameter {@code name}
     */
    @Override
    public PsycopgStatement bind(String name, Object value) {
        return bind(indexOf(name), value);
    }

    @Override
    public PsycopgStatement bindNull(int index, Class<?> type) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        checkIndex(index);
        current[index] = Parameters.in(type);
        return this;
    }

    @Override
    public PsycopgStatement bindNull(String name, Class<?> type) {
        return bindNull(indexOf(name), type);
    }

    @Override
    public PsycopgStatement fetchSize(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("fetchSize must not be negative: " + rows);
        }
        this.fetchSize = rows;
        return this;
    }

    /** Appends {@code RETURNING} with the given columns (all columns when none) to an INSERT, UPDATE, DELETE or MERGE. */
    @Override
    public PsycopgStatement returnGeneratedValues(String... columns) {
        if (columns == null) {
            throw new IllegalArgumentException("columns must not be null");
        }
        this.generatedColumns = columns.clone();
        return this;
    }

    /**
     * Runs the statement once per binding.
     *
     * @throws IllegalStateException if a parameter is not bound, or {@link #add()} was the last call
     *                               of a statement with parameters
     */
    @Override
    public Flux<PsycopgResult> execute() {
        List<Object[]> all = new ArrayList<>(bindings);
        if (all.isEmpty() || hasAnyBound(current)) {
            requireComplete(current);
            all.add(current);
        } else if (current.length > 0) {
            throw new IllegalStateException("add() was called after the last binding: bind its parameters or drop the add() ("
                    + sql + ")");
        }
        bindings.clear();
        current = new Object[parsed.parameterCount()];
        if (parsed.parameterCount() == 0 && parsed.statementCount() > 1) {
            return connection.runSimple(sent(parsed.sql()), parsed.statementCount());
        }
        MultiRowInsert insert = rewriteBatchedInserts && all.size() > 1 ? MultiRowInsert.of(parsed) : null;
        if (insert != null) {
            return runAsMultiRowInserts(insert, all);
        }
        return connection.runExtended(sent(parsed.sql()), all, fetchSize);
    }

    /**
     * Bindings {@value #ROWS_PER_INSERT} at a time as one INSERT each, the remainder in INSERTs of
     * 64, 32, ... rows: few distinct texts, so each is soon a prepared statement.
     */
    private Flux<PsycopgResult> runAsMultiRowInserts(MultiRowInsert insert, List<Object[]> all) {
        int rows = Integer.highestOneBit(Math.min(ROWS_PER_INSERT, insert.maxRows()));
        List<StatementRun> runs = new ArrayList<>();
        int first = 0;
        while (first < all.size()) {
            int size = Math.min(rows, Integer.highestOneBit(all.size() - first));
            int statements = size == rows ? (all.size() - first) / rows : 1;
            List<Object[]> values = new ArrayList<>(statements);
            for (int i = 0; i < statements; i++, first += size) {
                values.add(rowsOf(all, first, size, insert.parameterCount()));
            }
            runs.add(new StatementRun(sent(insert.sql(size)), values));
        }
        return connection.runExtended(runs, fetchSize);
    }

    /** The values of bindings {@code first..first+rows-1}, one after the other. */
    private static Object[] rowsOf(List<Object[]> all, int first, int rows, int parameters) {
        Object[] values = new Object[rows * parameters];
        for (int row = 0; row < rows; row++) {
            System.arraycopy(all.get(first + row), 0, values, row * parameters, parameters);
        }
        return values;
    }

    /** The text sent: with the RETURNING clause asked for by {@link #returnGeneratedValues}. */
    private String sent(String text) {
        return generatedColumns == null ? text : withReturning(text, generatedColumns);
    }

    private int indexOf(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        try {
            return parsed.indexOf(name);
        } catch (IllegalArgumentException unknown) {
            throw new NoSuchElementException(unknown.getMessage());
        }
    }

    /** Fails at bind time, not at execute time, for a value no codec can write. */
    private void requireEncoder(Object value) {
        if (value != null && BoundValueKind.of(value) != BoundValueKind.STREAM) {
            connection.codecs().encoder(value.getClass());
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= current.length) {
            throw new IndexOutOfBoundsException("Parameter index " + index + " is out of range: the statement has "
                    + current.length + " parameters (" + sql + ")");
        }
    }

    private void requireComplete(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new IllegalStateException("Parameter " + parsed.parameterNames().get(i) + " is not bound (" + sql + ")");
            }
        }
    }

    private static boolean hasAnyBound(Object[] values) {
        for (Object value : values) {
            if (value != null) {
                return true;
            }
        }
        return false;
    }

    static String withReturning(String sql, String[] columns) {
        String trimmed = sql.strip();
        if (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (columns.length == 0) {
            return trimmed + " RETURNING *";
        }
        StringBuilder out = new StringBuilder(trimmed).append(" RETURNING ");
        for (int i = 0; i < columns.length; i++) {
            // A plain name is left for the server to fold, as if written in the SQL; others are quoted.
            String column = columns[i];
            out.append(i == 0 ? "" : ", ").append(column.matches("[A-Za-z_][A-Za-z0-9_]*") ? column : Identifier.of(column).render());
        }
        return out.toString();
    }
}
