// An R2DBC driver driven through the scenarios with Reactor: this project's driver, or another R2DBC driver for PostgreSQL.
package org.psycopg.r2dbc.benchmarks;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.client.SSLMode;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Statement;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.psycopg.r2dbc.PsycopgConnectionConfiguration;
import org.psycopg.r2dbc.PsycopgConnectionFactory;
import org.psycopg.r2dbc.SslMode;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A client reached only through the R2DBC SPI, so that two drivers run exactly the same code:
 * selects kept in flight with {@code flatMap(select, inFlight)} on one connection, or through
 * r2dbc-pool ({@code initialSize = maxSize =} the connection count, one borrower per connection at
 * a time); rows mapped as they arrive; batches as one statement with {@link Statement#add()}.
 */
final class R2dbcContender implements Contender {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final String name;
    private final ConnectionFactory factory;

    private R2dbcContender(String name, ConnectionFactory factory) {
        this.name = name;
        this.factory = factory;
    }

    /** This project's driver. */
    static R2dbcContender psycopg(ServerTarget target) {
        return psycopg(target, false);
    }

    /** This project's driver, with or without {@code rewriteBatchedInserts}. */
    static R2dbcContender psycopg(ServerTarget target, boolean rewriteBatchedInserts) {
        return new R2dbcContender("r2dbc-psycopg", new PsycopgConnectionFactory(PsycopgConnectionConfiguration.builder()
                .host(target.host(), target.port()).user(target.user()).password(target.password())
                .database(target.database()).sslMode(SslMode.DISABLE)
                .rewriteBatchedInserts(rewriteBatchedInserts).build()));
    }

    /** The r2dbc-postgresql driver, with its defaults (an unbounded prepared-statement cache). */
    static R2dbcContender r2dbcPostgresql(ServerTarget target) {
        return new R2dbcContender("r2dbc-postgresql", new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host(target.host()).port(target.port()).username(target.user()).password(target.password())
                .database(target.database()).sslMode(SSLMode.DISABLE).build()));
    }

    @Override
    public String name() {
        return name;
    }

    /** The driver's connection factory, for scenarios that use the driver's own API (notifications). */
    ConnectionFactory factory() {
        return factory;
    }

    @Override
    public boolean pipelines() {
        return true;
    }

    @Override
    public PointSelectLoad pointSelects(int connections, int inFlight) {
        if (connections == 1) {
            Connection connection = Mono.from(factory.create()).block(TIMEOUT);
            return new Load(inFlight, (id, sink) -> select(connection, id, sink), connection::close);
        }
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .initialSize(connections).maxSize(connections).build());
        pool.warmup().block(TIMEOUT);
        return new Load(inFlight, (id, sink) -> Mono.usingWhen(pool.create(), c -> select(c, id, sink), Connection::close),
                pool::disposeLater);
    }

    private static Mono<Void> select(Connection connection, int id, RowSink sink) {
        return Flux.from(connection.createStatement(BenchmarkTables.POINT_SELECT).bind(0, id).execute())
                .flatMap(result -> result.map(row -> {
                    sink.point(row.get(0, Integer.class), row.get(1, Long.class), row.get(2, String.class));
                    return Boolean.TRUE;
                }))
                .then();
    }

    @Override
    public void stream(String sql, RowSink sink) {
        Mono.usingWhen(factory.create(),
                        connection -> Flux.from(connection.createStatement(sql).execute())
                                .flatMap(result -> result.map(row -> {
                                    consumeWide(row, sink);
                                    return Boolean.TRUE;
                                }))
                                .then(),
                        Connection::close)
                .block(TIMEOUT);
    }

    private static void consumeWide(Readable row, RowSink sink) {
        sink.wide(row.get(0, Integer.class), row.get(1, Long.class), row.get(2, String.class),
                row.get(3, OffsetDateTime.class), row.get(4, BigDecimal.class));
    }

    @Override
    public void insert(int rows, int batchSize) {
        Mono.usingWhen(factory.create(),
                        connection -> Flux.range(0, (rows + batchSize - 1) / batchSize)
                                .concatMap(batch -> insertBatch(connection, batch * batchSize + 1,
                                        Math.min(rows, (batch + 1) * batchSize)))
                                .then(),
                        Connection::close)
                .block(TIMEOUT);
    }

    /** Rows {@code first..last} as one statement with a binding per row, in a transaction. */
    private static Mono<Long> insertBatch(Connection connection, int first, int last) {
        Statement insert = connection.createStatement(BenchmarkTables.INSERT);
        for (int id = first; id <= last; id++) {
            insert.bind(0, id).bind(1, BenchmarkTables.value(id)).bind(2, BenchmarkTables.text(id));
            if (id < last) {
                insert.add();
            }
        }
        return Mono.from(connection.beginTransaction())
                .then(Flux.from(insert.execute()).flatMap(Result::getRowsUpdated).reduce(0L, Long::sum))
                .flatMap(inserted -> Mono.from(connection.commitTransaction()).thenReturn(inserted));
    }

    /** Selects by random key, {@code inFlight} at a time, until the deadline. */
    private static final class Load implements PointSelectLoad {

        private final int inFlight;
        private final BiFunction<Integer, RowSink, Mono<Void>> select;
        private final Supplier<? extends Publisher<Void>> close;

        Load(int inFlight, BiFunction<Integer, RowSink, Mono<Void>> select, Supplier<? extends Publisher<Void>> close) {
            this.inFlight = inFlight;
            this.select = select;
            this.close = close;
        }

        @Override
        public void runUntil(long deadlineNanos, RowSink sink) {
            Flux.<Integer>generate(keys -> {
                        if (System.nanoTime() < deadlineNanos) {
                            keys.next(ThreadLocalRandom.current().nextInt(1, BenchmarkTables.POINT_ROWS + 1));
                        } else {
                            keys.complete();
                        }
                    })
                    .flatMap(id -> select.apply(id, sink), inFlight)
                    .then()
                    .block(TIMEOUT);
        }

        @Override
        public void close() {
            Mono.from(close.get()).block(TIMEOUT);
        }
    }
}
