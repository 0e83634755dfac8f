package org.psycopg.r2dbc.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.TestDatabase;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.error.PostgresException;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** COPY IN and COPY OUT against the server: endings, errors, cancellation, and the connection afterwards. */
class CopyTest {

    private static final CodecRegistry CODECS = CodecRegistry.defaults();

    private final PsycopgConnection connection = TestDatabase.connect();

    @BeforeEach
    void table() {
        run("CREATE TEMP TABLE items (id int8, n int4, label text)");
    }

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    private void run(String sql) {
        Flux.from(connection.createStatement(sql).execute()).flatMap(r -> r.getRowsUpdated()).blockLast(TestDatabase.TIMEOUT);
    }

    private <T> T one(String sql, Class<T> type) {
        return Flux.from(connection.createStatement(sql).execute())
                .flatMap(r -> r.map(row -> row.get(0, type))).blockLast(TestDatabase.TIMEOUT);
    }

    private static Flux<ByteBuffer> utf8(String... chunks) {
        return Flux.fromArray(chunks).map(c -> ByteBuffer.wrap(c.getBytes(StandardCharsets.UTF_8)));
    }

    private static String joined(Flux<ByteBuffer> chunks) {
        StringBuilder out = new StringBuilder();
        for (ByteBuffer chunk : chunks.collectList().block(TestDatabase.TIMEOUT)) {
            out.append(StandardCharsets.UTF_8.decode(chunk));
        }
        return out.toString();
    }

    @Test
    void copyInCountsRowsAndCopyOutReturnsThem() {
        Long copied = connection.copyIn("COPY items FROM STDIN", utf8("1\t10\tone\n2\t2", "0\t\\N\n3\t30\tth", "ree\n"))
                .block(TestDatabase.TIMEOUT);
        assertEquals(3L, copied);
        assertEquals("1\t10\tone\n2\t20\t\\N\n3\t30\tthree\n", joined(connection.copyOut("COPY items TO STDOUT")));
    }

    @Test
    void copyOutBuffersAreTheSubscribersToKeep() {
        run("INSERT INTO items SELECT i, i, 'label ' || i FROM generate_series(1, 5000) i");
        List<ByteBuffer> kept = connection.copyOut("COPY items TO STDOUT (FORMAT csv)").collectList().block(TestDatabase.TIMEOUT);
        // Later traffic on the connection must not change bytes already handed out.
        run("INSERT INTO items SELECT i, i, 'other ' || i FROM generate_series(1, 5000) i");
        StringBuilder all = new StringBuilder();
        kept.forEach(b -> all.append(StandardCharsets.UTF_8.decode(b.duplicate())));
        assertTrue(all.toString().startsWith("1,1,label 1\n2,2,label 2\n"));
        assertEquals(5000, all.toString().lines().count());
        assertTrue(kept.stream().allMatch(b -> b.remaining() <= Copy.MAX_CHUNK));
        assertTrue(kept.size() < 5000, "rows are gathered into fewer buffers: " + kept.size());
    }

    @Test
    void aBadValueFailsWithTheLineAndLeavesTheTableUnchanged() {
        run("INSERT INTO items VALUES (0, 0, 'before')");
        int bad = 5_000;
        Flux<Object[]> rows = Flux.range(1, 2 * bad).map(i -> new Object[] {i, i == bad ? "not a number" : i, "row " + i});
        Mono<Long> copy = connection.copyIn("COPY items FROM STDIN", CopyRows.text(CODECS).encode(rows));
        R2dbcDataIntegrityViolationException error = assertThrows(R2dbcDataIntegrityViolationException.class,
                () -> copy.block(TestDatabase.TIMEOUT));
        assertEquals("22P02", error.getSqlState());
        String where = ((PostgresException) error).details().where();
        assertTrue(where.contains("line " + bad + ", column n"), where);
        assertEquals(1L, one("SELECT count(*) FROM items", Long.class));
        assertEquals(42, one("SELECT 42", Integer.class));
    }

    @Test
    void aPublisherErrorFailsTheCopyWithThatErrorAndCommitsNothing() {
        IllegalStateException broken = new IllegalStateException("the source broke");
        Flux<Object[]> rows = Flux.range(1, 20_000).map(i -> new Object[] {i, i, "row " + i});
        Flux<ByteBuffer> data = CopyRows.csv(CODECS).encode(rows).concatWith(Flux.error(broken));
        Throwable error = assertThrows(IllegalStateException.class,
                () -> connection.copyIn("COPY items FROM STDIN (FORMAT csv)", data).block(TestDatabase.TIMEOUT));
        assertSame(broken, error);
        PostgresException server = (PostgresException) error.getSuppressed()[0];
        assertEquals("57014", server.details().code());
        assertTrue(server.details().message().contains("the source broke"), server.details().message());
        assertEquals(0L, one("SELECT count(*) FROM items", Long.class));
        assertEquals(7, one("SELECT 7", Integer.class));
    }

    @Test
    void cancellingCopyInSendsCopyFailAndCommitsNothing() {
        CompletableFuture<Void> flowing = new CompletableFuture<>();
        AtomicInteger sent = new AtomicInteger();
        Flux<ByteBuffer> endless = Flux.<ByteBuffer>generate(sink -> sink.next(ByteBuffer.wrap("1\t1\tx\n".repeat(1000).getBytes(StandardCharsets.UTF_8))))
                .doOnNext(b -> {
                    if (sent.incrementAndGet() == 100) {
                        flowing.complete(null);
                    }
                });
        Disposable copy = connection.copyIn("COPY items FROM STDIN", endless).subscribe();
        Mono.fromFuture(flowing).block(TestDatabase.TIMEOUT);
        copy.dispose();
        assertEquals(0L, one("SELECT count(*) FROM items", Long.class));
        assertEquals("after", one("SELECT 'after'", String.class));
    }

    @Test
    void copyInTakesOnlyWhatTheConnectionCanWrite() {
        AtomicLong requested = new AtomicLong();
        AtomicLong produced = new AtomicLong();
        byte[] chunk = "1\t1\tx\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        Flux<ByteBuffer> data = Flux.range(0, 200).map(i -> {
                    produced.incrementAndGet();
                    return ByteBuffer.wrap(chunk);
                })
                .doOnRequest(n -> {
                    long total = requested.addAndGet(n);
                    // Demand never runs more than the prefetch ahead of what has been produced.
                    assertTrue(total - produced.get() <= CopyInExchange.PREFETCH, "requested " + total + " with " + produced.get() + " produced");
                });
        assertEquals(200L * 10_000, connection.copyIn("COPY items FROM STDIN", data).block(TestDatabase.TIMEOUT));
    }

    @Test
    void cancellingCopyOutAfterTheFirstChunkStopsTheServerAndTheNextQueryIsCorrect() {
        long started = System.nanoTime();
        ByteBuffer first = connection.copyOut("COPY (SELECT generate_series(1, 100000000)) TO STDOUT").blockFirst(TestDatabase.TIMEOUT);
        assertTrue(StandardCharsets.UTF_8.decode(first).toString().startsWith("1\n"));
        assertEquals(List.of(1, 2, 3), Flux.from(connection.createStatement("SELECT generate_series(1, 3)").execute())
                .flatMap(r -> r.map(row -> row.get(0, Integer.class))).collectList().block(TestDatabase.TIMEOUT));
        // 100 million rows take the server far longer: the COPY was stopped, not drained.
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(15)) < 0);
    }

    @Test
    void copyOutWithoutDemandStopsReadingUntilTheServerWaitsToWrite() {
        PsycopgConnection observer = TestDatabase.connect();
        try {
            AtomicInteger received = new AtomicInteger();
            BaseSubscriber<ByteBuffer> oneAtATime = new BaseSubscriber<>() {
                @Override
                protected void hookOnSubscribe(Subscription subscription) {
                    subscription.request(1);
                }

                @Override
                protected void hookOnNext(ByteBuffer value) {
                    received.incrementAndGet();
                }
            };
            connection.copyOut("COPY (SELECT repeat('x', 1000) FROM generate_series(1, 10000000)) TO STDOUT").subscribe(oneAtATime);
            int pid = connection.info().backendPid();
            String waiting = Flux.interval(Duration.ofMillis(50)).onBackpressureDrop()
                    .concatMap(tick -> Flux.from(observer.createStatement("SELECT coalesce(wait_event, '') FROM pg_stat_activity WHERE pid = $1")
                            .bind(0, pid).execute()).flatMap(r -> r.map(row -> row.get(0, String.class))))
                    .filter("ClientWrite"::equals)
                    .blockFirst(TestDatabase.TIMEOUT);
            assertEquals("ClientWrite", waiting);
            assertEquals(1, received.get());
            oneAtATime.dispose();
            assertEquals("next", one("SELECT 'next'", String.class));
        } finally {
            observer.close().block(TestDatabase.TIMEOUT);
        }
    }

    @Test
    void copyOutFailsWithTheServersErrorAfterTheDataBeforeIt() {
        List<String> seen = new java.util.ArrayList<>();
        Flux<ByteBuffer> out = connection.copyOut("COPY (SELECT 10 / (3 - i) FROM generate_series(1, 5) i) TO STDOUT")
                .doOnNext(b -> seen.add(StandardCharsets.UTF_8.decode(b).toString()));
        R2dbcDataIntegrityViolationException error = assertThrows(R2dbcDataIntegrityViolationException.class,
                () -> out.blockLast(TestDatabase.TIMEOUT));
        assertEquals("22012", error.getSqlState());
        assertEquals("5\n10\n", String.join("", seen));
        assertEquals(1, one("SELECT 1", Integer.class));
    }

    @Test
    void copyCallsRefuseStatementsOfTheOtherDirectionAndTheConnectionGoesOn() {
        assertThrows(IllegalArgumentException.class,
                () -> connection.copyIn("COPY items TO STDOUT", utf8("1\t1\tx\n")).block(TestDatabase.TIMEOUT));
        assertThrows(IllegalArgumentException.class,
                () -> connection.copyIn("SELECT 1", utf8("1\t1\tx\n")).block(TestDatabase.TIMEOUT));
        assertThrows(IllegalArgumentException.class,
                () -> connection.copyOut("COPY items FROM STDIN").blockLast(TestDatabase.TIMEOUT));
        assertThrows(IllegalArgumentException.class,
                () -> connection.copyOut("SELECT 1").blockLast(TestDatabase.TIMEOUT));
        assertEquals(0L, one("SELECT count(*) FROM items", Long.class));
    }

    @Test
    void aCopyThatCannotStartFailsWithTheServersError() {
        assertThrows(io.r2dbc.spi.R2dbcBadGrammarException.class,
                () -> connection.copyIn("COPY no_such_table FROM STDIN", utf8("1\n")).block(TestDatabase.TIMEOUT));
        assertThrows(io.r2dbc.spi.R2dbcBadGrammarException.class,
                () -> connection.copyOut("COPY no_such_table TO STDOUT").blockLast(TestDatabase.TIMEOUT));
        assertEquals(2, one("SELECT 2", Integer.class));
    }

    @Test
    void aStatementQueuedBehindACopyInRunsAfterItsData() {
        Mono<Long> copy = connection.copyIn("COPY items FROM STDIN",
                CopyRows.text(CODECS).encode(Flux.range(1, 50_000).map(i -> new Object[] {i, i, "x"})));
        Mono<Long> count = Flux.from(connection.createStatement("SELECT count(*) FROM items").execute())
                .flatMap(r -> r.map(row -> row.get(0, Long.class))).next();
        // Both are queued at once: the count's Query must wait until the COPY's data has gone.
        List<Long> results = Flux.merge(copy, count).collectList().block(TestDatabase.TIMEOUT);
        assertEquals(List.of(50_000L, 50_000L), results);
    }

    @Test
    void copyInRespectsAnOpenTransaction() {
        connection.beginTransaction().block(TestDatabase.TIMEOUT);
        connection.copyIn("COPY items FROM STDIN", utf8("1\t1\ta\n")).block(TestDatabase.TIMEOUT);
        connection.rollbackTransaction().block(TestDatabase.TIMEOUT);
        assertEquals(0L, one("SELECT count(*) FROM items", Long.class));
    }
}
