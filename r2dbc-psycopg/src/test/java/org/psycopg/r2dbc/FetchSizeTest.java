package org.psycopg.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class FetchSizeTest {

    private final PsycopgConnection connection = TestDatabase.connect();

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    private Flux<Long> series(long count, int fetchSize) {
        return Flux.from(connection.createStatement("SELECT generate_series(1, $1::bigint)").bind(0, count).fetchSize(fetchSize).execute())
                .flatMap(result -> result.map(row -> row.get(0, Long.class)));
    }

    @Test
    void aPortalFetchedInBatchesReturnsEveryRowInOrder() {
        List<Long> expected = LongStream.rangeClosed(1, 1000).boxed().collect(Collectors.toList());
        assertEquals(expected, series(1000, 7).collectList().block(TestDatabase.TIMEOUT));
        assertEquals(expected, series(1000, 1000).collectList().block(TestDatabase.TIMEOUT));
        assertEquals(expected, series(1000, 5000).collectList().block(TestDatabase.TIMEOUT));
    }

    @Test
    void statementsIssuedDuringAPortalWaitForItAndThenRun() {
        Flux<Long> portal = series(500, 10);
        Flux<Long> other = series(3, 0);
        List<Long> both = Flux.merge(portal.collectList().map(List::size).map(Long::valueOf), other.count())
                .collectList().block(TestDatabase.TIMEOUT);
        assertEquals(2, both.size());
        assertEquals(List.of(500L, 3L), both.stream().sorted((a, b) -> Long.compare(b, a)).toList());
    }

    @Test
    void cancellingAPortalClosesItAndTheConnectionGoesOn() {
        for (int round = 0; round < 20; round++) {
            assertEquals(List.of(1L, 2L, 3L), series(1_000_000, 100).take(3).collectList().block(TestDatabase.TIMEOUT));
            assertEquals(List.of(1L, 2L), series(2, 0).collectList().block(TestDatabase.TIMEOUT));
        }
    }

    @Test
    void anErrorInsideAPortalFailsTheStatementOnly() {
        Flux<Integer> failing = Flux.from(connection.createStatement("SELECT 10 / (5 - s) FROM generate_series(1, 10) s")
                        .fetchSize(2).execute())
                .flatMap(result -> result.map(row -> row.get(0, Integer.class)));
        assertEquals("22012", failing.collectList().map(x -> "none").onErrorResume(e -> reactor.core.publisher.Mono.just(
                ((io.r2dbc.spi.R2dbcException) e).getSqlState())).block(TestDatabase.TIMEOUT));
        assertEquals(List.of(1L), series(1, 0).collectList().block(TestDatabase.TIMEOUT));
    }

    @Test
    void aPortalInsideATransactionSeesTheTransactionsRows() {
        connection.beginTransaction().block(TestDatabase.TIMEOUT);
        Flux.from(connection.createStatement("CREATE TEMP TABLE portal_rows AS SELECT generate_series(1, 50) AS n").execute())
                .flatMap(PsycopgResult::getRowsUpdated).blockLast(TestDatabase.TIMEOUT);
        Long sum = Flux.from(connection.createStatement("SELECT n FROM portal_rows").fetchSize(8).execute())
                .flatMap(result -> result.map(row -> row.get(0, Long.class)))
                .reduce(0L, Long::sum).block(TestDatabase.TIMEOUT);
        assertEquals(1275L, sum);
        connection.commitTransaction().block(TestDatabase.TIMEOUT);
    }

    @Test
    void aPortalThatCarriesTheTransactionsBeginRunsInsideIt() {
        connection.beginTransaction().block(TestDatabase.TIMEOUT);
        // The BEGIN leaves with this statement: the portal is fetched 3 rows at a time inside the transaction.
        List<Integer> rows = Flux.from(connection.createStatement("SELECT n FROM generate_series(1, 10) n").fetchSize(3).execute())
                .flatMap(result -> result.map(row -> row.get(0, Integer.class))).collectList().block(TestDatabase.TIMEOUT);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), rows);
        assertEquals(ConnectionInfo.TransactionStatus.IN_TRANSACTION, connection.info().transactionStatus());
        connection.rollbackTransaction().block(TestDatabase.TIMEOUT);
        assertEquals(ConnectionInfo.TransactionStatus.IDLE, connection.info().transactionStatus());
    }

    @Test
    void theServerSeesExecutesOfFetchSizeRows() throws java.io.IOException {
        org.psycopg.r2dbc.embedded.EmbeddedPostgres server = org.psycopg.r2dbc.embedded.EmbeddedPostgres.shared();
        Flux.from(connection.createStatement("SET log_statement = 'all'").execute()).flatMap(PsycopgResult::getRowsUpdated)
                .blockLast(TestDatabase.TIMEOUT);
        String marker = "fetch_marker_" + System.nanoTime();
        List<Long> rows = Flux.from(connection.createStatement("SELECT generate_series(1, 95)::bigint AS " + marker).fetchSize(10).execute())
                .flatMap(result -> result.map(row -> row.get(0, Long.class))).collectList().block(TestDatabase.TIMEOUT);
        assertEquals(95, rows.size());
        // The server logs each Execute; the ones after the first continue the suspended portal.
        long continued = java.nio.file.Files.readAllLines(server.logFile()).stream()
                .filter(line -> line.contains(marker) && line.contains("execute fetch from")).count();
        assertEquals(9, continued);
    }
}
