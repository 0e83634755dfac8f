package org.psycopg.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.r2dbc.spi.R2dbcException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Batches of a single-row INSERT with {@code rewriteBatchedInserts}: multi-row INSERTs in one pipeline. */
class RewrittenBatchInsertTest {

    private final PsycopgConnection connection = new PsycopgConnectionFactory(
            TestDatabase.configuration().rewriteBatchedInserts(true).build()).create().block(TestDatabase.TIMEOUT);

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    private void run(String sql) {
        Flux.from(connection.createStatement(sql).execute()).flatMap(PsycopgResult::getRowsUpdated).blockLast(TestDatabase.TIMEOUT);
    }

    private long scalar(String sql) {
        return Flux.from(connection.createStatement(sql).execute())
                .flatMap(result -> result.map(row -> row.get(0, Long.class))).blockLast(TestDatabase.TIMEOUT);
    }

    private static PsycopgStatement bindAll(PsycopgStatement insert, int rows) {
        for (int i = 1; i <= rows; i++) {
            insert.bind(0, i).bind(1, "row " + i);
            if (i < rows) {
                insert.add();
            }
        }
        return insert;
    }

    @Test
    void tenThousandBindingsInsertEveryRowWithItsValuesInOneTransaction() {
        run("CREATE TEMP TABLE rewritten (id int PRIMARY KEY, label text NOT NULL)");
        for (int run = 0; run < 7; run++) {
            // Past the prepare threshold the INSERTs of 128, 16 ... rows run as named statements.
            run("TRUNCATE rewritten");
            List<Long> counts = bindAll(connection.createStatement("INSERT INTO rewritten (id, label) VALUES ($1, $2)"), 10_000)
                    .execute().flatMap(PsycopgResult::getRowsUpdated).collectList().block(TestDatabase.TIMEOUT);
            // 10,000 = 78 INSERTs of 128 rows and one of 16: one result per INSERT.
            assertEquals(79, counts.size(), "run " + run);
            assertEquals(128L, counts.get(0));
            assertEquals(16L, counts.get(78));
            assertEquals(10_000L, counts.stream().mapToLong(Long::longValue).sum());
            assertEquals(10_000L, scalar("SELECT count(*) FROM rewritten"));
            assertEquals(10_000L, scalar("SELECT count(*) FROM rewritten WHERE label = 'row ' || id"));
            assertEquals(50_005_000L, scalar("SELECT sum(id) FROM rewritten"));
            assertEquals(1L, scalar("SELECT count(DISTINCT xmin::text) FROM rewritten"));
        }
    }

    @Test
    void theRemainderRunsAsInsertsOfPowersOfTwo() {
        run("CREATE TEMP TABLE remainder (id int, label text)");
        List<Long> counts = bindAll(connection.createStatement("INSERT INTO remainder VALUES ($1, $2)"), 128 + 64 + 4 + 1)
                .execute().flatMap(PsycopgResult::getRowsUpdated).collectList().block(TestDatabase.TIMEOUT);
        assertEquals(List.of(128L, 64L, 4L, 1L), counts);
        assertEquals(197L, scalar("SELECT count(DISTINCT id) FROM remainder"));
    }

    @Test
    void generatedValuesComeBackForEveryRowInBindingOrder() {
        run("CREATE TEMP TABLE generated (id serial PRIMARY KEY, n int, label text)");
        PsycopgStatement insert = connection.createStatement("INSERT INTO generated (n, label) VALUES ($1, $2)")
                .returnGeneratedValues("n");
        List<Integer> returned = bindAll(insert, 300).execute()
                .concatMap(result -> result.map(row -> row.get("n", Integer.class)))
                .collectList().block(TestDatabase.TIMEOUT);
        assertEquals(IntStream.rangeClosed(1, 300).boxed().toList(), returned);
    }

    @Test
    void onConflictCountsOnlyTheRowsInserted() {
        run("CREATE TEMP TABLE conflicts (id int PRIMARY KEY, label text)");
        run("INSERT INTO conflicts SELECT i, 'old' FROM generate_series(1, 100, 2) i");
        long inserted = bindAll(connection.createStatement("INSERT INTO conflicts VALUES ($1, $2) ON CONFLICT (id) DO NOTHING"), 200)
                .execute().flatMap(PsycopgResult::getRowsUpdated).reduce(0L, Long::sum).block(TestDatabase.TIMEOUT);
        assertEquals(150L, inserted);
        assertEquals(50L, scalar("SELECT count(*) FROM conflicts WHERE label = 'old'"));
    }

    @Test
    void aFailingRowRollsBackTheWholeBatchAndTheConnectionGoesOn() {
        run("CREATE TEMP TABLE failing (id int PRIMARY KEY, label text)");
        PsycopgStatement insert = bindAll(connection.createStatement("INSERT INTO failing VALUES ($1, $2)"), 299);
        // The last binding repeats id 1: it fails in the INSERT of the last rows, after 2 full INSERTs.
        insert.add().bind(0, 1).bind(1, "again");
        String state = insert.execute().flatMap(PsycopgResult::getRowsUpdated).then(Mono.just("none"))
                .onErrorResume(R2dbcException.class, e -> Mono.just(e.getSqlState())).block(TestDatabase.TIMEOUT);
        assertEquals("23505", state);
        assertEquals(0L, scalar("SELECT count(*) FROM failing"));
    }

    @Test
    void nullsAndNamedPlaceholdersAreBoundPerRow() {
        run("CREATE TEMP TABLE nullable (id int, label text)");
        PsycopgStatement insert = connection.createStatement("INSERT INTO nullable (label, id) VALUES (:label, :id)");
        for (int i = 1; i <= 10; i++) {
            insert.bind("id", i);
            if (i % 2 == 0) {
                insert.bindNull("label", String.class);
            } else {
                insert.bind("label", "odd " + i);
            }
            if (i < 10) {
                insert.add();
            }
        }
        insert.execute().flatMap(PsycopgResult::getRowsUpdated).blockLast(TestDatabase.TIMEOUT);
        assertEquals(5L, scalar("SELECT count(*) FROM nullable WHERE label IS NULL AND id % 2 = 0"));
        assertEquals(5L, scalar("SELECT count(*) FROM nullable WHERE label = 'odd ' || id"));
    }

    @Test
    void otherStatementsKeepAResultPerBinding() {
        run("CREATE TEMP TABLE untouched (id int PRIMARY KEY, n int)");
        run("INSERT INTO untouched VALUES (1, 0)");
        // A parameter after the tuple: the statement is not rewritten.
        List<Long> counts = connection.createStatement("INSERT INTO untouched VALUES ($1, 0) ON CONFLICT (id) DO UPDATE SET n = $2")
                .bind(0, 1).bind(1, 5).add().bind(0, 2).bind(1, 6).add().bind(0, 1).bind(1, 7)
                .execute().flatMap(PsycopgResult::getRowsUpdated).collectList().block(TestDatabase.TIMEOUT);
        assertEquals(List.of(1L, 1L, 1L), counts);
        assertEquals(7L, scalar("SELECT n::int8 FROM untouched WHERE id = 1"));
    }

    @Test
    void theOptionIsReadFromAUrl() {
        PsycopgConnectionConfiguration configuration = ConnectionOptionsReader.read(io.r2dbc.spi.ConnectionFactoryOptions.parse(
                "r2dbc:psycopg://localhost/db?rewriteBatchedInserts=true"));
        assertEquals(true, configuration.rewriteBatchedInserts());
        assertEquals(false, ConnectionOptionsReader.read(io.r2dbc.spi.ConnectionFactoryOptions.parse(
                "r2dbc:psycopg://localhost/db")).rewriteBatchedInserts());
    }
}
