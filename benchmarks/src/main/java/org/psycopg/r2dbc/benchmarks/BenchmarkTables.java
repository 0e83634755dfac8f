// The benchmark's tables and statements, created fresh at the start of each run.
package org.psycopg.r2dbc.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates and checks the three tables every client reads or writes, through a plain JDBC connection
 * that is not measured: {@code bench_point} (the point-select rows), {@code bench_stream} (the
 * streamed rows: int4, int8, text, timestamptz, numeric) and {@code bench_insert} (empty, truncated
 * before each insert run). The tables are dropped and created again by {@link #create}; on a server
 * of one's own, that is all this touches.
 */
final class BenchmarkTables implements AutoCloseable {

    /** The rows of the point-select table, keys 1 to this. */
    static final int POINT_ROWS = 10_000;
    /** The point select, with a {@code $1} placeholder; {@link #jdbc(String)} gives the JDBC form. */
    static final String POINT_SELECT = "SELECT id, v, t FROM bench_point WHERE id = $1";
    /** The insert of one row. */
    static final String INSERT = "INSERT INTO bench_insert (id, v, t) VALUES ($1, $2, $3)";

    private final Connection admin;

    private BenchmarkTables(Connection admin) {
        this.admin = admin;
    }

    /** Connects the unmeasured administration connection. */
    static BenchmarkTables connect(ServerTarget target) throws SQLException {
        return new BenchmarkTables(DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password()));
    }

    /** The same statement with JDBC's {@code ?} placeholders. */
    static String jdbc(String sql) {
        return sql.replaceAll("\\$\\d+", "?");
    }

    /** The statement that streams {@code rows} rows of {@code bench_stream} (in the order they were inserted). */
    static String streamSelect(long rows) {
        return "SELECT id, v, t, at, amount FROM bench_stream LIMIT " + rows;
    }

    /** The {@code v} column of row {@code id} in the point and insert tables. */
    static long value(int id) {
        return id * 7L;
    }

    /** The {@code t} column of row {@code id} in the insert table. */
    static String text(int id) {
        return "inserted row " + id;
    }

    /** Drops and creates the tables, with {@code streamRows} rows to stream. */
    void create(long streamRows) throws SQLException {
        execute("DROP TABLE IF EXISTS bench_point, bench_stream, bench_insert");
        execute("CREATE TABLE bench_point (id int4 PRIMARY KEY, v int8 NOT NULL, t text NOT NULL)");
        execute("INSERT INTO bench_point SELECT i, i * 7, 'point row ' || i FROM generate_series(1, " + POINT_ROWS + ") i");
        execute("CREATE TABLE bench_stream (id int4 NOT NULL, v int8 NOT NULL, t text NOT NULL,"
                + " at timestamptz NOT NULL, amount numeric NOT NULL)");
        execute("INSERT INTO bench_stream SELECT i, i * 1000003::int8, 'streamed row ' || i,"
                + " timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second', round(i / 7.0, 2)"
                + " FROM generate_series(1, " + streamRows + ") i");
        execute("CREATE TABLE bench_insert (id int4 NOT NULL, v int8 NOT NULL, t text NOT NULL)");
        execute("VACUUM ANALYZE bench_point, bench_stream, bench_insert");
    }

    /** The server's version, as it reports it. */
    String serverVersion() throws SQLException {
        return admin.getMetaData().getDatabaseProductVersion();
    }

    /** Empties the insert table. */
    void truncateInserts() throws SQLException {
        execute("TRUNCATE bench_insert");
    }

    /** The number of rows in the insert table. */
    long insertedRows() throws SQLException {
        try (Statement statement = admin.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM bench_insert")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        admin.close();
    }
}
