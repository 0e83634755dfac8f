package org.psycopg.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 100,000 random operations through r2dbc-pool: queries, partial reads, cancels, timeouts,
 * errors before and in the middle of results, transactions, concurrent use. Afterwards every
 * connection is idle and answers correctly; LeakCheck fails the class if a buffer leaked.
 */
class ChaosTest {

    private static final int OPERATIONS = 100_000;

    @Test
    void randomOperationsLeaveEveryConnectionIdleAndUsable() {
        PsycopgConnectionFactory factory = new PsycopgConnectionFactory(TestDatabase.configuration()
                .applicationName("chaos").sslMode(SslMode.DISABLE).build());
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .initialSize(4).maxSize(4).maxAcquireTime(Duration.ofSeconds(20)).build());
        AtomicLong completed = new AtomicLong();
        AtomicLong failedAsExpected = new AtomicLong();
        try {
            Flux.range(0, OPERATIONS)
                    .flatMap(i -> Flux.usingWhen(pool.create(), connection -> operation(connection, new SplittableRandom(i)), Connection::close)
                            .then()
                            .doOnSuccess(done -> completed.incrementAndGet())
                            .onErrorResume(e -> e instanceof R2dbcException || e instanceof TimeoutException, e -> {
                                failedAsExpected.incrementAndGet();
                                return Mono.empty();
                            }), 32)
                    .blockLast(Duration.ofMinutes(8));
            assertEquals(OPERATIONS, completed.get() + failedAsExpected.get());
            assertEquals(0, pool.getMetrics().orElseThrow().acquiredSize());
            for (int i = 0; i < 4; i++) {
                List<Integer> answer = Flux.usingWhen(pool.create(),
                        connection -> Flux.from(connection.createStatement("SELECT generate_series(1, 3)").execute())
                                .flatMap(result -> result.map(row -> row.get(0, Integer.class))),
                        Connection::close).collectList().block(TestDatabase.TIMEOUT);
                assertEquals(List.of(1, 2, 3), answer);
            }
            PsycopgConnection observer = TestDatabase.connect();
            try {
                List<String> states = Flux.from(observer.createStatement(
                                "SELECT state FROM pg_stat_activity WHERE application_name = 'chaos'").execute())
                        .flatMap(result -> result.map(row -> row.get(0, String.class))).collectList().block(TestDatabase.TIMEOUT);
                assertEquals(List.of("idle", "idle", "idle", "idle"), states);
            } finally {
                observer.close().block(TestDatabase.TIMEOUT);
            }
        } finally {
            pool.dispose();
        }
    }

    private static Flux<?> operation(Connection connection, SplittableRandom random) {
        // Each kind has a share of the 20 draws; a timed-out sleep costs a CancelRequest (a new server process), so it is rarer.
        switch (random.nextInt(20)) {
            case 0, 1, 2, 3, 4, 5:
                return rows(connection, "SELECT $1::int + 1", random.nextInt(1000));
            case 6, 7, 8:
                return rows(connection, "SELECT generate_series(1, $1::int)", 2000).take(random.nextInt(1, 50));
            case 9:
                return rows(connection, "SELECT pg_sleep(0.2)", null).timeout(Duration.ofMillis(random.nextInt(1, 20)));
            case 10, 11:
                return rows(connection, "SELECT 1 / ($1::int - $1::int)", random.nextInt(1000));
            case 12, 13:
                return rows(connection, "SELECT 100 / (500 - s) FROM generate_series(1, 1000) s", null);
            case 14, 15, 16:
                return Flux.concat(Mono.from(connection.beginTransaction()),
                        rows(connection, "SELECT count(*) FROM pg_class WHERE oid > $1::int", random.nextInt(20000)),
                        Mono.from(random.nextBoolean() ? connection.commitTransaction() : connection.rollbackTransaction()));
            default:
                Flux<Object> streamed = rows(connection, "SELECT s, repeat('x', 100) FROM generate_series(1, $1::int) s", 500);
                return Flux.merge(streamed, rows(connection, "SELECT 2", null));
        }
    }

    private static Flux<Object> rows(Connection connection, String sql, Integer parameter) {
        var statement = connection.createStatement(sql);
        if (parameter != null) {
            statement.bind(0, parameter);
        }
        return Flux.from(statement.execute()).flatMap(result -> result.map(row -> row.get(0)));
    }
}
