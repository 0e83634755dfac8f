package org.psycopg.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class BatchTest {

    private final PsycopgConnection connection = TestDatabase.connect();

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    private long scalar(String sql) {
        return Flux.from(connection.createStatement(sql).execute())
                .flatMap(result -> result.map(row -> row.get(0, Long.class))).blockLast(TestDatabase.TIMEOUT);
    }

    @Test
    void tenThousandBindingsInsertExactlyTenThousandRowsInOneRoundTrip() {
        Flux.from(connection.createStatement("CREATE TEMP TABLE batch_rows (id int PRIMARY KEY, label text)").execute())
                .flatMap(PsycopgResult::getRowsUpdated).blockLast(TestDatabase.TIMEOUT);
        PsycopgStatement insert = connection.createStatement("INSERT INTO batch_rows VALUES ($1, $2)");
        for (int i = 1; i <= 10_000; i++) {
            insert.bind(0, i).bind(1, "row " + i);
            if (i < 10_000) {
                insert.add();
            }
        }
        List<Long> counts = Flux.from(insert.execute()).flatMap(PsycopgResult::getRowsUpdated).collectList().block(TestDatabase.TIMEOUT);
        assertEquals(10_000, counts.size());
        assertEquals(10_000L, counts.stream().mapToLong(Long::longValue).sum());
        assertEquals(10_000L, scalar("SELECT count(*) FROM batch_rows"));
        assertEquals(50_005_000L, scalar("SELECT sum(id) FROM batch_rows"));
        // One Sync for the whole batch: one implicit transaction on the server, not 10,000.
        assertEquals(1L, scalar("SELECT count(DISTINCT xmin::text) FROM batch_rows"));
    }

    @Test
    void anErrorInABatchRollsBackTheWholeBatch() {
        Flux.from(connection.createStatement("CREATE TEMP TABLE batch_unique (id int PRIMARY KEY)").execute())
                .flatMap(PsycopgResult::getRowsUpdated).blockLast(TestDatabase.TIMEOUT);
        PsycopgStatement insert = connection.createStatement("INSERT INTO batch_unique VALUES ($1)")
                .bind(0, 1).add().bind(0, 2).add().bind(0, 1);
        String state = Flux.from(insert.execute()).flatMap(PsycopgResult::getRowsUpdated).then()
                .map(done -> "none").onErrorResume(e -> reactor.core.publisher.Mono.just(((io.r2dbc.spi.R2dbcException) e).getSqlState()))
                .block(TestDatabase.TIMEOUT);
        assertEquals("23505", state);
        assertEquals(0L, scalar("SELECT count(*) FROM batch_unique"));
    }

    @Test
    void bindingsOfDifferentTypesInOneBatchEachGetTheirRows() {
        for (int run = 0; run < 7; run++) {
            // Run past the prepare threshold: the named statement and an unnamed one share the batch.
            List<String> values = Flux.from(connection.createStatement("SELECT $1::text || '!' AS v")
                            .bind(0, "text").add().bind(0, 42).add().bind(0, "again").execute())
                    .flatMap(result -> result.map(row -> row.get("v", String.class))).collectList().block(TestDatabase.TIMEOUT);
            assertEquals(List.of("text!", "42!", "again!"), values, "run " + run);
        }
    }
}
