// The PostgreSQL JDBC driver driven through the scenarios with blocking calls on threads.
package org.psycopg.r2dbc.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * pgjdbc as its users drive it: one statement at a time per connection (JDBC cannot pipeline, so
 * "in flight on one connection" means one), a pool of connections shared by as many threads as
 * there are selects in flight, a forward-only result read with {@code fetchSize} in a transaction
 * (pgjdbc's way to stream instead of loading the whole result), and {@code addBatch}/{@code executeBatch}
 * with or without {@code reWriteBatchedInserts}.
 */
final class JdbcContender implements Contender {

    /** Rows per round trip when streaming: without a fetch size pgjdbc would hold the whole result in memory. */
    static final int STREAM_FETCH_SIZE = 1000;

    private final ServerTarget target;
    private final boolean rewriteBatchedInserts;

    private JdbcContender(ServerTarget target, boolean rewriteBatchedInserts) {
        this.target = target;
        this.rewriteBatchedInserts = rewriteBatchedInserts;
    }

    /** pgjdbc with its defaults. */
    static JdbcContender plain(ServerTarget target) {
        return new JdbcContender(target, false);
    }

    /** pgjdbc with {@code reWriteBatchedInserts=true}: a batch of inserts becomes multi-row INSERTs. */
    static JdbcContender rewritingBatches(ServerTarget target) {
        return new JdbcContender(target, true);
    }

    @Override
    public String name() {
        return rewriteBatchedInserts ? "pgjdbc reWriteBatchedInserts" : "pgjdbc";
    }

    @Override
    public boolean pipelines() {
        return false;
    }

    private Connection connect() throws SQLException {
        String url = target.jdbcUrl() + (rewriteBatchedInserts ? "&reWriteBatchedInserts=true" : "");
        return DriverManager.getConnection(url, target.user(), target.password());
    }

    @Override
    public PointSelectLoad pointSelects(int connections, int inFlight) throws SQLException {
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            pool.add(connect());
        }
        return connections == 1 ? new SerialLoad(pool.remove()) : new PooledLoad(pool, inFlight);
    }

    private static void select(Connection connection, RowSink sink) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(BenchmarkTables.jdbc(BenchmarkTables.POINT_SELECT))) {
            select.setInt(1, ThreadLocalRandom.current().nextInt(1, BenchmarkTables.POINT_ROWS + 1));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sink.point(rows.getInt(1), rows.getLong(2), rows.getString(3));
                }
            }
        }
    }

    @Override
    public void stream(String sql, RowSink sink) throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setFetchSize(STREAM_FETCH_SIZE);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        sink.wide(rows.getInt(1), rows.getLong(2), rows.getString(3),
                                rows.getObject(4, OffsetDateTime.class), rows.getObject(5, BigDecimal.class));
                    }
                }
            }
            connection.commit();
        }
    }

    @Override
    public void insert(int rows, int batchSize) throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(BenchmarkTables.jdbc(BenchmarkTables.INSERT))) {
                for (int id = 1; id <= rows; id++) {
                    insert.setInt(1, id);
                    insert.setLong(2, BenchmarkTables.value(id));
                    insert.setString(3, BenchmarkTables.text(id));
                    insert.addBatch();
                    if (id % batchSize == 0 || id == rows) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
        }
    }

    /** One connection, one select at a time, on the calling thread. */
    private static final class SerialLoad implements PointSelectLoad {

        private final Connection connection;

        SerialLoad(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void runUntil(long deadlineNanos, RowSink sink) throws SQLException {
            while (System.nanoTime() < deadlineNanos) {
                select(connection, sink);
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** {@code inFlight} threads, each borrowing a connection of the pool for one select at a time. */
    private static final class PooledLoad implements PointSelectLoad {

        private final BlockingQueue<Connection> pool;
        private final int threads;
        private final ExecutorService executor;

        PooledLoad(BlockingQueue<Connection> pool, int threads) {
            this.pool = pool;
            this.threads = threads;
            this.executor = Executors.newFixedThreadPool(threads);
        }

        @Override
        public void runUntil(long deadlineNanos, RowSink sink) throws Exception {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(executor.submit(() -> {
                    while (System.nanoTime() < deadlineNanos) {
                        Connection connection = pool.take();
                        try {
                            select(connection, sink);
                        } finally {
                            pool.put(connection);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
        }

        @Override
        public void close() throws SQLException {
            executor.shutdownNow();
            for (Connection connection : pool) {
                connection.close();
            }
        }
    }
}
