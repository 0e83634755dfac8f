package org.psycopg.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class CancellationTest {

    private final PsycopgConnection connection = TestDatabase.connect();

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    private Flux<Long> series(long count) {
        return Flux.from(connection.createStatement("SELECT generate_series(1, $1::bigint)").bind(0, count).execute())
                .flatMap(result -> result.map(row -> row.get(0, Long.class)));
    }

    @Test
    void cancellingMidStreamAHundredTimesInARowLeavesTheConnectionCorrect() {
        // A sequential scan checks for the cancel signal between rows, so the server stops at once;
        // a freshly filled table is scanned in insertion order.
        Flux.from(connection.createStatement("CREATE TEMP TABLE many AS SELECT generate_series(1, 300000)::bigint AS n").execute())
                .flatMap(PsycopgResult::getRowsUpdated).blockLast(TestDatabase.TIMEOUT);
        for (int round = 0; round < 100; round++) {
            List<Long> first = Flux.from(connection.createStatement("SELECT n FROM many").execute())
                    .flatMap(result -> result.map(row -> row.get(0, Long.class)))
                    .take(10).collectList().block(TestDatabase.TIMEOUT);
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), first);
            assertEquals(List.of(1L, 2L, 3L), series(3).collectList().block(TestDatabase.TIMEOUT), "round " + round);
        }
    }

    @Test
    void cancelStopsALongQueryOnTheServer() {
        Mono<Integer> sleeping = Flux.from(connection.createStatement("SELECT 1 FROM pg_sleep(60)").execute())
                .flatMap(result -> result.map(row -> row.get(0, Integer.class))).next();
        StepVerifier.create(sleeping)
                .then(() -> {
                    awaitRunning("pg_sleep(60)");
                    connection.cancel().block(TestDatabase.TIMEOUT);
                })
                .expectErrorSatisfies(error -> assertEquals("57014", ((io.r2dbc.spi.R2dbcException) error).getSqlState()))
                .verify(TestDatabase.TIMEOUT);
        assertEquals(List.of(1L, 2L), series(2).collectList().block(TestDatabase.TIMEOUT));
    }

    @Test
    void disposingASubscriptionStopsTheServerQuery() {
        // take(0)-like cancel while the server sleeps: the next statement must not wait 60 s.
        Flux.from(connection.createStatement("SELECT pg_sleep(60)").execute())
                .flatMap(result -> result.map(row -> 1))
                .timeout(java.time.Duration.ofMillis(300), Mono.empty())
                .blockLast(TestDatabase.TIMEOUT);
        assertEquals(List.of(1L), series(1).collectList().block(java.time.Duration.ofSeconds(10)));
    }

    /** cancel() stops what runs now: wait until the server runs the statement. */
    private void awaitRunning(String text) {
        PsycopgConnection observer = TestDatabase.connect();
        try {
            Flux.interval(java.time.Duration.ofMillis(10)).onBackpressureDrop()
                    .concatMap(tick -> Flux.from(observer.createStatement(
                                    "SELECT count(*) FROM pg_stat_activity WHERE pid = $1 AND state = 'active' AND position($2 in query) > 0")
                            .bind(0, connection.info().backendPid()).bind(1, text).execute())
                            .flatMap(result -> result.map(row -> row.get(0, Long.class))))
                    .filter(count -> count > 0).blockFirst(TestDatabase.TIMEOUT);
        } finally {
            observer.close().block(TestDatabase.TIMEOUT);
        }
    }
}
