// One PostgreSQL client library, driven through the benchmark's scenarios the way its users drive it.
package org.psycopg.r2dbc.benchmarks;

/**
 * A client under comparison. Each scenario is written in the client's own idiom (Reactor publishers
 * for R2DBC drivers, futures for the Vert.x client, threads for JDBC) and decodes the same columns
 * into the same Java classes. Every client connects with {@code sslmode=disable}.
 */
interface Contender extends AutoCloseable {

    /** The name in the result table. */
    String name();

    /** Whether one connection carries several statements at once; a client that cannot runs one at a time. */
    boolean pipelines();

    /**
     * Opens {@code connections} connections (a pool of that size when more than one) for point
     * selects with {@code inFlight} outstanding at any time.
     */
    PointSelectLoad pointSelects(int connections, int inFlight) throws Exception;

    /**
     * Runs {@code sql} (the stream table's five columns) on a new connection and decodes every row
     * into {@code sink} as it arrives.
     */
    void stream(String sql, RowSink sink) throws Exception;

    /**
     * Inserts rows {@code 1..rows} into the insert table on a new connection, {@code batchSize} rows
     * per batch, each batch in its own transaction.
     */
    void insert(int rows, int batchSize) throws Exception;

    /** Releases what the client holds for the whole run (event loops, a Vert.x instance). */
    @Override
    default void close() throws Exception {
    }
}
