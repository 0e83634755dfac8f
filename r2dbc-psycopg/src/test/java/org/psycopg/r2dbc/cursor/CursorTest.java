package org.psycopg.r2dbc.cursor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.r2dbc.spi.R2dbcException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.TestDatabase;
import reactor.core.publisher.Flux;

class CursorTest {

    private final PsycopgConnection connection = TestDatabase.connect();

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    private static Integer first(io.r2dbc.spi.Readable row) {
        return row.get(0, Integer.class);
    }

    private long openCursors() {
        return countCursors().blockLast(TestDatabase.TIMEOUT);
    }

    /** Declared cursors; the unnamed portal running this query is one of pg_cursors' rows too. */
    private Flux<Long> countCursors() {
        return Flux.from(connection.createStatement("SELECT count(*) FROM pg_cursors WHERE name <> ''").execute())
                .flatMap(result -> result.map(row -> row.get(0, Long.class)));
    }

    @Test
    void aScrollableCursorWithHoldSurvivesCommitAndScrollsBothWays() {
        connection.beginTransaction().block(TestDatabase.TIMEOUT);
        Cursor cursor = Cursor.declare(connection, "numbers", "SELECT generate_series(1, $1::int)",
                CursorOptions.DEFAULT.scrollable(true).withHold(true), 100).block(TestDatabase.TIMEOUT);
        connection.commitTransaction().block(TestDatabase.TIMEOUT);

        assertEquals(List.of(1, 2, 3), cursor.fetch(3, CursorTest::first).collectList().block(TestDatabase.TIMEOUT));
        assertEquals(List.of(2, 1), cursor.fetchBackward(5, CursorTest::first).collectList().block(TestDatabase.TIMEOUT));
        cursor.scroll(50, ScrollMode.ABSOLUTE).block(TestDatabase.TIMEOUT);
        assertEquals(List.of(51, 52), cursor.fetch(2, CursorTest::first).collectList().block(TestDatabase.TIMEOUT));
        cursor.scroll(-10, ScrollMode.RELATIVE).block(TestDatabase.TIMEOUT);
        assertEquals(List.of(43), cursor.fetch(1, CursorTest::first).collectList().block(TestDatabase.TIMEOUT));
        assertEquals(100, cursor.fetchAbsolute(-1, CursorTest::first).block(TestDatabase.TIMEOUT));
        assertEquals(List.of(), cursor.fetch(10, CursorTest::first).collectList().block(TestDatabase.TIMEOUT));
        cursor.close().block(TestDatabase.TIMEOUT);
        assertEquals(0, openCursors());
    }

    @Test
    void streamFetchesEveryRowInBatchesAndClosesTheCursor() {
        connection.beginTransaction().block(TestDatabase.TIMEOUT);
        Cursor cursor = Cursor.declare(connection, "all_rows", "SELECT generate_series(1, 1000)", CursorOptions.DEFAULT)
                .block(TestDatabase.TIMEOUT);
        Integer sum = cursor.stream(64, CursorTest::first).reduce(0, Integer::sum).block(TestDatabase.TIMEOUT);
        assertEquals(500500, sum);
        assertEquals(0, openCursors());
        connection.commitTransaction().block(TestDatabase.TIMEOUT);
    }

    @Test
    void cancellingAStreamClosesTheCursor() {
        connection.beginTransaction().block(TestDatabase.TIMEOUT);
        Cursor cursor = Cursor.declare(connection, "partly", "SELECT generate_series(1, 100000)", CursorOptions.DEFAULT)
                .block(TestDatabase.TIMEOUT);
        assertEquals(List.of(1, 2, 3), cursor.stream(10, CursorTest::first).take(3).collectList().block(TestDatabase.TIMEOUT));
        Long open = Flux.interval(java.time.Duration.ofMillis(10)).onBackpressureDrop()
                .concatMap(tick -> countCursors()).filter(count -> count == 0).blockFirst(TestDatabase.TIMEOUT);
        assertEquals(0L, open);
        connection.commitTransaction().block(TestDatabase.TIMEOUT);
    }

    @Test
    void aCursorWithoutHoldOutsideATransactionIsRefusedByTheServer() {
        R2dbcException error = assertThrows(R2dbcException.class, () -> Cursor.declare(connection, "loose", "SELECT 1",
                CursorOptions.DEFAULT).block(TestDatabase.TIMEOUT));
        assertEquals("25P01", error.getSqlState());
    }
}
