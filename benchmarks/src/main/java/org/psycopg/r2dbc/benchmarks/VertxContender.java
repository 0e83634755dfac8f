// The Vert.x PostgreSQL client driven through the scenarios with its futures and callbacks.
package org.psycopg.r2dbc.benchmarks;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collector;

/**
 * vertx-pg-client as its users drive it: prepared queries with its prepared-statement cache on (it
 * is off by default), selects kept in flight by completion callbacks on one pipelining connection or
 * on its pool (one query per pooled connection at a time, as with r2dbc-pool), a whole result folded
 * row by row with {@code collecting} (nothing kept), and {@code executeBatch} for inserts.
 */
final class VertxContender implements Contender {

    private static final long TIMEOUT_MINUTES = 5;

    private final Vertx vertx = Vertx.vertx();
    private final PgConnectOptions options;

    VertxContender(ServerTarget target) {
        this.options = new PgConnectOptions().setHost(target.host()).setPort(target.port()).setUser(target.user())
                .setPassword(target.password()).setDatabase(target.database()).setSslMode(SslMode.DISABLE)
                .setCachePreparedStatements(true);
    }

    @Override
    public String name() {
        return "vertx-pg-client";
    }

    /** The Vert.x instance this contender owns until it is closed, for the notification scenarios. */
    Vertx vertx() {
        return vertx;
    }

    /** The connection options (sslmode=disable, prepared-statement cache on). */
    PgConnectOptions options() {
        return options;
    }

    @Override
    public boolean pipelines() {
        return true;
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.await(TIMEOUT_MINUTES, TimeUnit.MINUTES);
    }

    @Override
    public PointSelectLoad pointSelects(int connections, int inFlight) throws Exception {
        SqlClient client = connections == 1
                ? await(PgConnection.connect(vertx, options))
                : PgBuilder.pool().with(new PoolOptions().setMaxSize(connections)).connectingTo(options).using(vertx).build();
        return new Load(client, inFlight);
    }

    @Override
    public void stream(String sql, RowSink sink) throws Exception {
        PgConnection connection = await(PgConnection.connect(vertx, options));
        try {
            Collector<Row, RowSink, RowSink> folding = Collector.of(() -> sink, VertxContender::consumeWide, (a, b) -> a);
            await(connection.preparedQuery(sql).collecting(folding).execute());
        } finally {
            await(connection.close());
        }
    }

    private static void consumeWide(RowSink sink, Row row) {
        sink.wide(row.getInteger(0), row.getLong(1), row.getString(2), row.getOffsetDateTime(3), row.getBigDecimal(4));
    }

    @Override
    public void insert(int rows, int batchSize) throws Exception {
        PgConnection connection = await(PgConnection.connect(vertx, options));
        try {
            for (int first = 1; first <= rows; first += batchSize) {
                List<Tuple> batch = new ArrayList<>(batchSize);
                for (int id = first; id <= Math.min(rows, first + batchSize - 1); id++) {
                    batch.add(Tuple.of(id, BenchmarkTables.value(id), BenchmarkTables.text(id)));
                }
                await(connection.begin().compose(transaction -> connection.preparedQuery(BenchmarkTables.INSERT)
                        .executeBatch(batch).compose(inserted -> transaction.commit())));
            }
        } finally {
            await(connection.close());
        }
    }

    @Override
    public void close() throws Exception {
        await(vertx.close());
    }

    /** {@code inFlight} callback chains: each completed select starts the next until the deadline. */
    private static final class Load implements PointSelectLoad {

        private final SqlClient client;
        private final int inFlight;

        Load(SqlClient client, int inFlight) {
            this.client = client;
            this.inFlight = inFlight;
        }

        @Override
        public void runUntil(long deadlineNanos, RowSink sink) throws Exception {
            CompletableFuture<Void> done = new CompletableFuture<>();
            AtomicInteger chains = new AtomicInteger(inFlight);
            for (int i = 0; i < inFlight; i++) {
                next(deadlineNanos, sink, chains, done);
            }
            done.get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        }

        private void next(long deadlineNanos, RowSink sink, AtomicInteger chains, CompletableFuture<Void> done) {
            if (System.nanoTime() >= deadlineNanos) {
                if (chains.decrementAndGet() == 0) {
                    done.complete(null);
                }
                return;
            }
            int id = ThreadLocalRandom.current().nextInt(1, BenchmarkTables.POINT_ROWS + 1);
            client.preparedQuery(BenchmarkTables.POINT_SELECT).execute(Tuple.of(id)).onComplete(rows -> {
                for (Row row : rows) {
                    sink.point(row.getInteger(0), row.getLong(1), row.getString(2));
                }
                next(deadlineNanos, sink, chains, done);
            }, done::completeExceptionally);
        }

        @Override
        public void close() throws Exception {
            await(client.close());
        }
    }
}
