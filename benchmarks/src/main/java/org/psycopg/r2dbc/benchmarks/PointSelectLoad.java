// Point selects kept in flight on open connections until a deadline.
package org.psycopg.r2dbc.benchmarks;

/**
 * A closed-loop load of point selects by primary key over connections opened beforehand: a fixed
 * number of selects stay in flight, each completion starting the next, until the deadline. The same
 * load runs twice, warm-up then measurement, so connection and statement setup stay outside the
 * measured time. Used by one thread at a time.
 */
interface PointSelectLoad extends AutoCloseable {

    /**
     * Runs until {@code deadlineNanos} ({@link System#nanoTime()}), then waits for the selects still
     * in flight.
     *
     * @param deadlineNanos when to stop starting new selects
     * @param sink          receives each selected row
     * @throws Exception if a select fails
     */
    void runUntil(long deadlineNanos, RowSink sink) throws Exception;

    /** Closes the connections. */
    @Override
    void close() throws Exception;
}
