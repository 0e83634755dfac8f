package org.psycopg.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** Runs in its own test JVM with -Xmx64m (see the pom's low-memory execution): memory must stay flat. */
@Tag("low-memory")
class LargeResultTest {

    private final PsycopgConnection connection = TestDatabase.connect();

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    @Test
    void fiveMillionRowsStreamThroughASlowConsumerInSixtyFourMegabytes() {
        AtomicLong sum = new AtomicLong();
        Long count = Flux.from(connection.createStatement("SELECT generate_series(1, 5000000) AS n").execute())
                .flatMap(result -> result.map(row -> row.get(0, Integer.class)))
                .limitRate(100)
                .doOnNext(sum::addAndGet)
                .count()
                .block(java.time.Duration.ofMinutes(3));
        assertEquals(5_000_000L, count);
        assertEquals(5_000_000L * 5_000_001L / 2, sum.get());
        List<Integer> next = Flux.from(connection.createStatement("SELECT 42").execute())
                .flatMap(result -> result.map(row -> row.get(0, Integer.class))).collectList().block(TestDatabase.TIMEOUT);
        assertEquals(List.of(42), next);
    }

    @Test
    void cancellingAfterTenRowsOfAHugeResultLeavesTheConnectionCorrect() {
        List<Integer> first = Flux.from(connection.createStatement("SELECT generate_series(1, 5000000)").execute())
                .flatMap(result -> result.map(row -> row.get(0, Integer.class)))
                .limitRate(100).take(10).collectList().block(TestDatabase.TIMEOUT);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), first);
        List<String> next = Flux.from(connection.createStatement("SELECT 'after'").execute())
                .flatMap(result -> result.map(row -> row.get(0, String.class))).collectList().block(TestDatabase.TIMEOUT);
        assertEquals(List.of("after"), next);
    }
}
