package org.psycopg.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class PreparedStatementTest {

    private final PsycopgConnection connection = TestDatabase.connect();

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    private List<String> run(String sql) {
        return Flux.from(connection.createStatement(sql).execute())
                .flatMap(result -> result.map(row -> String.valueOf(row.get(0))))
                .collectList().block(TestDatabase.TIMEOUT);
    }

    private long preparedCount() {
        return Flux.from(connection.createStatement("SELECT count(*) FROM pg_prepared_statements WHERE name LIKE '_psycopg_%'").execute())
                .flatMap(result -> result.map(row -> row.get(0, Long.class))).blockLast(TestDatabase.TIMEOUT);
    }

    @Test
    void aStatementIsPreparedAfterTheThresholdAndReusedByName() {
        for (int i = 0; i < 4; i++) {
            assertEquals(List.of("7"), run("SELECT 7"));
        }
        assertEquals(0, preparedCount());
        assertEquals(List.of("7"), run("SELECT 7"));
        assertEquals(1, preparedCount());
        for (int i = 0; i < 10; i++) {
            assertEquals(List.of("7"), run("SELECT 7"));
        }
        assertEquals(1, preparedCount());
    }

    @Test
    void aPlanInvalidatedByDdlIsPreparedAgainTransparently() {
        run("CREATE TEMP TABLE shape (a int)");
        run("INSERT INTO shape VALUES (1)");
        for (int i = 0; i < 6; i++) {
            assertEquals(List.of("1"), run("SELECT * FROM shape"));
        }
        run("ALTER TABLE shape ALTER COLUMN a TYPE text");
        run("UPDATE shape SET a = 'one'");
        assertEquals(List.of("one"), run("SELECT * FROM shape"));
        run("ALTER TABLE shape ADD COLUMN b int");
        assertEquals(List.of("one"), run("SELECT * FROM shape"));
    }

    @Test
    void aUserEnumCompositeAndDomainDecodeWithoutConfiguration() {
        run("DROP TYPE IF EXISTS mood CASCADE");
        run("CREATE TYPE mood AS ENUM ('sad', 'happy')");
        run("DROP TYPE IF EXISTS pair CASCADE");
        run("CREATE TYPE pair AS (x int, label text)");
        run("DROP DOMAIN IF EXISTS positive CASCADE");
        run("CREATE DOMAIN positive AS int CHECK (VALUE > 0)");
        Object mood = Flux.from(connection.createStatement("SELECT 'happy'::mood").execute())
                .flatMap(result -> result.map(row -> row.get(0))).blockLast(TestDatabase.TIMEOUT);
        assertEquals("happy", mood);
        Object[] pair = Flux.from(connection.createStatement("SELECT ROW(3, 'three')::pair").execute())
                .flatMap(result -> result.map(row -> row.get(0, Object[].class))).blockLast(TestDatabase.TIMEOUT);
        assertEquals(List.of(3, "three"), List.of(pair));
        Object positive = Flux.from(connection.createStatement("SELECT 5::positive").execute())
                .flatMap(result -> result.map(row -> row.get(0))).blockLast(TestDatabase.TIMEOUT);
        assertEquals(5, positive);
        Object moods = Flux.from(connection.createStatement("SELECT ARRAY['sad', 'happy']::mood[]").execute())
                .flatMap(result -> result.map(row -> row.get(0, String[].class))).blockLast(TestDatabase.TIMEOUT);
        assertEquals(List.of("sad", "happy"), List.of((String[]) moods));
    }
}
