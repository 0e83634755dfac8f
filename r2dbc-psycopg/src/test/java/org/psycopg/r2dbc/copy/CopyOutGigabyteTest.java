package org.psycopg.r2dbc.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.TestDatabase;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A gigabyte of COPY output through a slow consumer in a test JVM at -Xmx64m (the pom's low-memory execution). */
@Tag("low-memory")
class CopyOutGigabyteTest {

    private static final int ROW_BYTES = 8192;
    private static final int ROWS = 131_072; // 131,072 rows of 8 KiB: 1 GiB

    private final PsycopgConnection connection = TestDatabase.connect();

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    @Test
    void aGigabyteConsumedSlowlyStreamsInSixtyFourMegabytes() {
        AtomicLong bytes = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        AtomicLong buffers = new AtomicLong();
        String sql = "COPY (SELECT repeat('x', " + (ROW_BYTES - 1) + ") FROM generate_series(1, " + ROWS + ")) TO STDOUT";
        connection.copyOut(sql)
                .limitRate(4)
                // Every 64th buffer waits a millisecond on another thread: demand stops while it waits.
                .concatMap(buffer -> buffers.incrementAndGet() % 64 == 0
                        ? Mono.just(buffer).delayElement(Duration.ofMillis(1)) : Mono.just(buffer), 1)
                .doOnNext(buffer -> {
                    bytes.addAndGet(buffer.remaining());
                    rows.addAndGet(newlines(buffer));
                })
                .then()
                .block(Duration.ofMinutes(4));
        assertEquals((long) ROWS * ROW_BYTES, bytes.get());
        assertEquals(ROWS, rows.get());
        assertEquals(42, Flux.from(connection.createStatement("SELECT 42").execute())
                .flatMap(r -> r.map(row -> row.get(0, Integer.class))).blockLast(TestDatabase.TIMEOUT));
    }

    private static long newlines(ByteBuffer buffer) {
        long count = 0;
        for (int i = buffer.position(); i < buffer.limit(); i++) {
            if (buffer.get(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
