package org.psycopg.r2dbc.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.replication.ChangeEvent.Operation;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** ChangeStream against the embedded server: values by column, restarts from the slot, acknowledgement. */
class ChangeStreamTest {

    private static final String COLUMNS = "id int PRIMARY KEY, name text, price numeric(10,2), flag bool, at timestamptz,"
            + " day date, uid uuid, data bytea, doc jsonb, tags int[], ratio float8, big int8, span interval,"
            + " small int2, real4 float4, code char(3), clock time, zoned timetz, local timestamp, cash money,"
            + " addr inet, net cidr, mac macaddr, bits varbit, lsn pg_lsn, pt point, area box, r int4range,"
            + " mr int4multirange, mood cst_mood, pair cst_pair, positive cst_positive, words text[], attrs hstore";
    private static final String TYPES = "CREATE EXTENSION IF NOT EXISTS hstore; CREATE TYPE cst_mood AS ENUM ('sad', 'happy'); CREATE TYPE cst_pair AS (a int, b text);"
            + " CREATE DOMAIN cst_positive AS int CHECK (VALUE > 0)";
    private static final String VALUES = "'a''b', 1.50, true, '2024-05-06 07:08:09.123456+00', '2024-05-06',"
            + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\\x00ff10', '{\"k\": [1, 2]}', '{1,NULL,3}', 0.25, 9007199254740993,"
            + " '1 day 02:03:04', -7, 1.5, 'ab', '13:14:15.5', '13:14:15+02', '2024-05-06 07:08:09', 12.34,"
            + " '192.168.0.1/24', '10.0.0.0/8', '08:00:2b:01:02:03', B'1011', '16/B374D848', '(1.5,-2)', '((0,0),(1,2))',"
            + " '[1,10)', '{[1,3), [5,7)}', 'happy', ROW(7, 'seven'), 42, '{x,\"y z\",NULL}', 'a=>1, b=>NULL'";

    private final PsycopgConnection sql = TestServer.connect();
    private final List<Disposable> running = new ArrayList<>();

    /** Subscribes now; the result is awaited with a timeout, the subscription cancelled after the test. */
    private <T> CompletableFuture<List<T>> start(Flux<T> flux) {
        CompletableFuture<List<T>> result = new CompletableFuture<>();
        running.add(flux.collectList().subscribe(result::complete, result::completeExceptionally));
        return result;
    }

    private static <T> T await(CompletableFuture<T> future) {
        return Mono.fromFuture(future).block(TestServer.TIMEOUT);
    }

    @AfterEach
    void cleanUp() {
        running.forEach(Disposable::dispose);
        ReplicationConnection replication = TestServer.replication(ReplicationMode.LOGICAL);
        try {
            TestServer.dropSlots(sql, replication, "cst\\_%");
        } finally {
            replication.close().block(TestServer.TIMEOUT);
        }
        TestServer.run(sql, "DROP PUBLICATION IF EXISTS cst_pub; DROP TABLE IF EXISTS cst_types, cst_many;"
                + " DROP TYPE IF EXISTS cst_mood, cst_pair; DROP DOMAIN IF EXISTS cst_positive");
        sql.close().block(TestServer.TIMEOUT);
    }

    private ChangeStream.Builder stream(String slot) {
        return ChangeStream.builder(TestServer.configuration()).slot(slot).publication("cst_pub");
    }

    /** The row as the driver reads it with a query, by column name. */
    private Map<String, Object> select(String sqlText) {
        return Flux.from(sql.createStatement(sqlText).execute())
                .concatMap(r -> r.map((row, meta) -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    meta.getColumnMetadatas().forEach(c -> values.put(c.getName(), comparable(row.get(c.getName()))));
                    return values;
                })).blockFirst(TestServer.TIMEOUT);
    }

    /** Arrays compared by content. */
    private static Object comparable(Object value) {
        if (value != null && value.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(comparable(Array.get(value, i)));
            }
            return items;
        }
        return value;
    }

    private static Map<String, Object> comparable(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, comparable(v)));
        return out;
    }

    @ParameterizedTest(name = "binary={0}")
    @ValueSource(booleans = {false, true})
    void insertUpdateDeleteAndTruncateDecodeToTheValuesAQueryReads(boolean binary) {
        TestServer.run(sql, TYPES + "; CREATE TABLE cst_types (" + COLUMNS + ")");
        ChangeStream cdc = stream("cst_types_" + binary).createPublicationForTables("cst_types").binary(binary).build();
        // The slot exists once the first subscription has prepared it: start it, then write.
        var done = start(cdc.changes().doOnNext(cdc::acknowledge).take(5));
        TestServer.awaitSlotExists(sql, "cst_types_" + binary);
        TestServer.run(sql, "INSERT INTO cst_types VALUES (1, " + VALUES + ")");
        Map<String, Object> inserted = select("SELECT * FROM cst_types");
        TestServer.run(sql, "UPDATE cst_types SET name = NULL, price = -2.25 WHERE id = 1");
        Map<String, Object> updated = select("SELECT * FROM cst_types");
        TestServer.run(sql, "ALTER TABLE cst_types REPLICA IDENTITY FULL; UPDATE cst_types SET flag = false WHERE id = 1");
        Map<String, Object> updatedAgain = select("SELECT * FROM cst_types");
        TestServer.run(sql, "DELETE FROM cst_types WHERE id = 1; TRUNCATE cst_types");
        List<ChangeEvent> events = await(done);

        assertEquals(List.of(Operation.INSERT, Operation.UPDATE, Operation.UPDATE, Operation.DELETE, Operation.TRUNCATE),
                events.stream().map(ChangeEvent::operation).toList());
        ChangeEvent insert = events.get(0);
        assertEquals("public", insert.schema());
        assertEquals("cst_types", insert.table());
        assertEquals(inserted, comparable(insert.after()));
        assertEquals(1, insert.after().get("id"));
        assertEquals("a'b", insert.after().get("name"));
        assertEquals(new BigDecimal("1.50"), insert.after().get("price"));
        // User types are learned from the catalog before streaming: read as a query reads them.
        assertEquals("happy", insert.after().get("mood"));
        assertEquals(List.of(7, "seven"), comparable(insert.after().get("pair")));
        assertEquals(42, insert.after().get("positive"));
        assertEquals(Map.of(), insert.before());
        assertTrue(insert.xid() > 0 && insert.commitTime() != null && insert.lsn().compareTo(insert.commitLsn()) < 0);

        ChangeEvent update = events.get(1);
        assertEquals(updated, comparable(update.after()));
        assertEquals(Map.of(), update.before(), "the key did not change: default replica identity sends no old row");
        assertEquals(new BigDecimal("-2.25"), update.after().get("price"));

        ChangeEvent full = events.get(2);
        assertEquals(updated, comparable(full.before()), "REPLICA IDENTITY FULL sends the whole old row");
        assertEquals(updatedAgain, comparable(full.after()));

        ChangeEvent delete = events.get(3);
        assertEquals(updatedAgain, comparable(delete.before()));
        assertEquals(Map.of(), delete.after());
        assertEquals("cst_types", events.get(4).table());
    }

    @Test
    void unchangedToastValueIsMarkedNotFaked() {
        TestServer.run(sql, "CREATE TABLE cst_types (id int PRIMARY KEY, big text, n int);"
                + " ALTER TABLE cst_types ALTER COLUMN big SET STORAGE EXTERNAL");
        ChangeStream cdc = stream("cst_toast").createPublicationForTables("cst_types").build();
        var done = start(cdc.changes().doOnNext(cdc::acknowledge).take(2));
        TestServer.awaitSlotExists(sql, "cst_toast");
        TestServer.run(sql, "INSERT INTO cst_types VALUES (1, repeat('x', 10000), 1); UPDATE cst_types SET n = 2");
        List<ChangeEvent> events = await(done);
        assertEquals("x".repeat(10000), events.get(0).after().get("big"));
        assertEquals(UnchangedToast.VALUE, events.get(1).after().get("big"));
        assertEquals(2, events.get(1).after().get("n"));
    }

    /**
     * 100,000 rows in 100 transactions of 1,000; the consumer acknowledges the first 50,000, reads
     * on without acknowledging, and is killed (its walsender terminated: no last status update).
     * The restart delivers every row after the acknowledged ones, each once, and none before.
     */
    @Test
    void killedConsumerRestartsFromTheSlotAfterItsAcknowledgementLosingNothing() {
        TestServer.run(sql, "CREATE TABLE cst_many (id int PRIMARY KEY)");
        ReplicationStreamOptions fastStatus = ReplicationStreamOptions.DEFAULTS.withStatusInterval(Duration.ofMillis(100));
        ChangeStream first = stream("cst_many").createPublicationForTables("cst_many").streamOptions(fastStatus).build();
        CompletableFuture<ChangeEvent> half = new CompletableFuture<>();
        running.add(first.changes().subscribe(e -> {
            int id = (Integer) e.after().get("id");
            if (id <= 50_000) {
                first.acknowledge(e);
            }
            if (id == 50_000) {
                half.complete(e);
            }
        }, half::completeExceptionally));
        TestServer.awaitSlotExists(sql, "cst_many");
        TestServer.run(sql, "DO $$ BEGIN FOR t IN 0..99 LOOP"
                + " INSERT INTO cst_many SELECT g FROM generate_series(t * 1000 + 1, t * 1000 + 1000) g; COMMIT;"
                + " END LOOP; END $$");
        ChangeEvent acknowledgedLast = await(half);
        // The transaction of row 50,000 is confirmed once its Commit has passed; wait for the server to know it.
        Mono.fromSupplier(first::acknowledged)
                .filter(lsn -> lsn.compareTo(acknowledgedLast.commitLsn()) > 0)
                .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(20)))
                .block(TestServer.TIMEOUT);
        TestServer.awaitConfirmedFlush(sql, "cst_many", first.acknowledged());
        TestServer.run(sql, "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = 'cst_many'");
        TestServer.awaitSlotInactive(sql, "cst_many");

        ChangeStream second = stream("cst_many").build();
        List<Integer> ids = second.changes()
                .doOnNext(second::acknowledge)
                .map(e -> (Integer) e.after().get("id"))
                .takeUntil(id -> id == 100_000)
                .collectList().block(TestServer.TIMEOUT);
        assertEquals(50_000, ids.size());
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(50_001 + i, ids.get(i));
        }
    }

    /**
     * With logical_decoding_work_mem at 64kB the server streams big transactions while they run:
     * an aborted one never surfaces, nor does a rolled-back savepoint inside a committed one, and
     * a committed one arrives whole after a small transaction that committed while it ran.
     */
    @Test
    void streamedTransactionsArriveOnceCommittedAndAbortedOnesNever() {
        TestServer.run(sql, "CREATE TABLE cst_many (id int PRIMARY KEY, note text)");
        ChangeStream cdc = ChangeStream.builder(TestServer.configuration().options("-c logical_decoding_work_mem=64kB"))
                .slot("cst_streamed").publication("cst_pub").createPublicationForTables("cst_many").build();
        var done = start(cdc.changes().doOnNext(cdc::acknowledge).takeUntil(e -> (Integer) e.after().get("id") == 30001));
        TestServer.awaitSlotExists(sql, "cst_streamed");
        String rows = " SELECT g, repeat('n', 100) FROM generate_series(%d, %d) g;";
        TestServer.run(sql, "BEGIN; INSERT INTO cst_many" + rows.formatted(1, 5000) + " ROLLBACK");
        PsycopgConnection other = TestServer.connect();
        try {
            TestServer.run(other, "BEGIN; INSERT INTO cst_many" + rows.formatted(10001, 15000)
                    + " SAVEPOINT s; INSERT INTO cst_many" + rows.formatted(20001, 25000) + " ROLLBACK TO s;");
            TestServer.run(sql, "INSERT INTO cst_many VALUES (30000, 'while the big one runs')");
            TestServer.run(other, "INSERT INTO cst_many" + rows.formatted(15001, 16000) + " COMMIT");
        } finally {
            other.close().block(TestServer.TIMEOUT);
        }
        TestServer.run(sql, "INSERT INTO cst_many VALUES (30001, 'last')");
        List<ChangeEvent> events = await(done);

        List<Integer> ids = events.stream().map(e -> (Integer) e.after().get("id")).toList();
        List<Integer> expected = new ArrayList<>(List.of(30000));
        for (int id = 10001; id <= 16000; id++) {
            expected.add(id);
        }
        expected.add(30001);
        assertEquals(expected, ids);
        ChangeEvent first = events.get(1);
        ChangeEvent last = events.get(6000);
        assertEquals(first.xid(), last.xid());
        assertEquals(first.commitLsn(), last.commitLsn());
        assertTrue(first.commitTime() != null && first.gid() == null);
        assertTrue(events.get(0).commitLsn().compareTo(first.commitLsn()) < 0, "the small transaction committed first");
        assertEquals("n".repeat(100), last.after().get("note"));
        long streamed = Long.parseLong(TestServer.queryString(sql,
                "SELECT stream_txns FROM pg_stat_replication_slots WHERE slot_name = 'cst_streamed'"));
        assertTrue(streamed >= 2, "the server streamed both big transactions: " + streamed);
    }

    /**
     * A two-phase slot delivers a prepared transaction's changes at PREPARE TRANSACTION with its gid
     * (a big one through Stream Prepare), then its outcome; a slot that is not two-phase delivers
     * only what COMMIT PREPARED committed, as a plain transaction.
     */
    @Test
    void preparedTransactionsAreSeenAsSuchByATwoPhaseSlot() {
        TestServer.run(sql, "CREATE TABLE cst_many (id int PRIMARY KEY, note text)");
        ChangeStream twoPhase = ChangeStream.builder(TestServer.configuration().options("-c logical_decoding_work_mem=64kB"))
                .slot("cst_two_phase").publication("cst_pub").createPublicationForTables("cst_many").twoPhase(true).build();
        ChangeStream onePhase = stream("cst_one_phase").build();
        var twoPhaseDone = start(twoPhase.changes().doOnNext(twoPhase::acknowledge)
                .takeUntil(e -> e.operation() == Operation.ROLLBACK_PREPARED));
        TestServer.awaitSlotExists(sql, "cst_two_phase");
        var onePhaseDone = start(onePhase.changes().doOnNext(onePhase::acknowledge)
                .takeUntil(e -> (Integer) e.after().get("id") == 9999));
        TestServer.awaitSlotExists(sql, "cst_one_phase");
        assertEquals("true", TestServer.queryString(sql, "SELECT two_phase::text FROM pg_replication_slots WHERE slot_name = 'cst_two_phase'"));

        TestServer.run(sql, "BEGIN; INSERT INTO cst_many SELECT g, repeat('p', 100) FROM generate_series(1, 3000) g;"
                + " PREPARE TRANSACTION 'cst_big'");
        TestServer.run(sql, "COMMIT PREPARED 'cst_big'");
        TestServer.run(sql, "BEGIN; INSERT INTO cst_many VALUES (5000, 'undone'); PREPARE TRANSACTION 'cst_small'");
        TestServer.run(sql, "ROLLBACK PREPARED 'cst_small'");
        TestServer.run(sql, "INSERT INTO cst_many VALUES (9999, 'plain')");
        List<ChangeEvent> events = await(twoPhaseDone);

        assertEquals(3000 + 1 + 1 + 1, events.size());
        for (int i = 0; i < 3000; i++) {
            assertEquals(Operation.INSERT, events.get(i).operation());
            assertEquals(i + 1, events.get(i).after().get("id"));
            assertEquals("cst_big", events.get(i).gid());
        }
        ChangeEvent committed = events.get(3000);
        assertEquals(Operation.COMMIT_PREPARED, committed.operation());
        assertEquals("cst_big", committed.gid());
        assertEquals(events.get(0).xid(), committed.xid());
        assertTrue(committed.commitLsn().compareTo(events.get(0).commitLsn()) > 0, "committed after it was prepared");
        assertEquals(null, committed.table());
        assertEquals(Map.of(), committed.after());
        assertTrue(Long.parseLong(TestServer.queryString(sql,
                "SELECT stream_txns FROM pg_stat_replication_slots WHERE slot_name = 'cst_two_phase'")) >= 1,
                "the big prepared transaction was streamed, then prepared (Stream Prepare)");
        ChangeEvent small = events.get(3001);
        assertEquals(5000, small.after().get("id"));
        assertEquals("cst_small", small.gid());
        assertEquals(Operation.ROLLBACK_PREPARED, events.get(3002).operation());
        assertEquals("cst_small", events.get(3002).gid());

        List<ChangeEvent> plain = await(onePhaseDone);
        assertEquals(3001, plain.size(), "the rolled-back prepared transaction never reaches a slot that is not two-phase");
        assertTrue(plain.stream().allMatch(e -> e.gid() == null && e.operation() == Operation.INSERT));
        assertEquals(3000, plain.get(2999).after().get("id"));
        assertEquals(committed.commitLsn(), plain.get(0).commitLsn(), "decoded at COMMIT PREPARED");
    }
}
