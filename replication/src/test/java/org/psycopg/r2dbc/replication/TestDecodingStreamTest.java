package org.psycopg.r2dbc.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.codec.Lsn;
import org.psycopg.r2dbc.replication.ChangeEvent.Operation;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Begin;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Change;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Commit;
import org.psycopg.r2dbc.replication.TestDecodingMessage.CommitPrepared;
import org.psycopg.r2dbc.replication.TestDecodingMessage.LogicalMessage;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Prepare;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Table;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Truncate;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** test_decoding through a real walsender, parsed by TestDecodingDecoder. */
class TestDecodingStreamTest {

    private final PsycopgConnection sql = TestServer.connect();
    private final ReplicationConnection replication = TestServer.replication(ReplicationMode.LOGICAL);
    private Disposable running;

    @AfterEach
    void cleanUp() {
        if (running != null) {
            running.dispose();
        }
        TestServer.dropSlots(sql, replication, "tds\\_%");
        replication.close().block(TestServer.TIMEOUT);
        TestServer.run(sql, "DROP TABLE IF EXISTS tds_items");
        sql.close().block(TestServer.TIMEOUT);
    }

    @Test
    void changesOfEveryKindArriveTypedBetweenTheirTransactionsLines() {
        TestServer.run(sql, "CREATE TABLE tds_items (id int PRIMARY KEY, note text, price numeric(8,2), day date, tags text[])");
        replication.createSlot(CreateReplicationSlot.logical("tds_changes", "test_decoding").withSnapshot(SnapshotAction.NOTHING))
                .block(TestServer.TIMEOUT);
        ReplicationStream stream = replication.startLogical("tds_changes", Lsn.INVALID, Map.of("include-timestamp", "on"),
                ReplicationStreamOptions.DEFAULTS);
        TestDecodingDecoder decoder = new TestDecodingDecoder();
        CompletableFuture<List<TestDecodingMessage>> result = new CompletableFuture<>();
        AtomicInteger commits = new AtomicInteger();
        running = stream.messages()
                .doOnNext(m -> stream.acknowledge(m.start()))
                .map(m -> decoder.decode(m.payload()))
                .takeUntil(m -> m instanceof Commit && commits.incrementAndGet() == 2)
                .collectList()
                .subscribe(result::complete, result::completeExceptionally);
        Instant before = Instant.now().minusSeconds(60);
        TestServer.run(sql, "INSERT INTO tds_items VALUES (1, 'it''s', 12.50, '2024-02-29', '{a,\"b c\",NULL}'), (2, NULL, NULL, NULL, NULL);"
                + " SELECT pg_logical_emit_message(true, 'tds', 'in the transaction')");
        TestServer.run(sql, "BEGIN; UPDATE tds_items SET id = 3, note = 'moved' WHERE id = 2; DELETE FROM tds_items WHERE id = 1;"
                + " TRUNCATE tds_items; COMMIT");
        List<TestDecodingMessage> lines = Mono.fromFuture(result).block(TestServer.TIMEOUT);

        assertEquals(List.of(Begin.class, Change.class, Change.class, LogicalMessage.class, Commit.class,
                Begin.class, Change.class, Change.class, Truncate.class, Commit.class),
                lines.stream().<Class<?>>map(Object::getClass).toList());
        Begin begin = (Begin) lines.get(0);
        Commit commit = (Commit) lines.get(4);
        assertTrue(begin.xid() > 0);
        assertEquals(begin.xid(), commit.xid());
        assertNotNull(commit.commitTime());
        assertTrue(commit.commitTime().isAfter(before), commit.commitTime().toString());

        Change first = (Change) lines.get(1);
        assertEquals(new Table("public", "tds_items"), first.table());
        assertEquals(Operation.INSERT, first.operation());
        assertEquals(1, first.after().get("id"));
        assertEquals("it's", first.after().get("note"));
        assertEquals(new BigDecimal("12.50"), first.after().get("price"));
        assertEquals(LocalDate.of(2024, 2, 29), first.after().get("day"));
        assertArrayEquals(new String[] {"a", "b c", null}, (String[]) first.after().get("tags"));
        assertNull(((Change) lines.get(2)).after().get("note"));
        assertTrue(((Change) lines.get(2)).after().containsKey("note"));
        assertEquals(new LogicalMessage(true, "tds", "in the transaction"), lines.get(3));

        Change update = (Change) lines.get(6);
        assertEquals(Operation.UPDATE, update.operation());
        assertEquals(Map.of("id", 2), update.before());
        assertEquals(3, update.after().get("id"));
        assertEquals("moved", update.after().get("note"));
        Change delete = (Change) lines.get(7);
        assertEquals(Operation.DELETE, delete.operation());
        assertEquals(Map.of("id", 1), delete.before());
        assertEquals(new Truncate(List.of(new Table("public", "tds_items")), false, false), lines.get(8));
    }

    @Test
    void preparedTransactionOfATwoPhaseSlotIsSeenAtPrepareThenItsCommit() {
        TestServer.run(sql, "CREATE TABLE tds_items (id int PRIMARY KEY)");
        replication.createSlot(CreateReplicationSlot.logical("tds_two_phase", "test_decoding").withTwoPhase()
                .withSnapshot(SnapshotAction.NOTHING)).block(TestServer.TIMEOUT);
        ReplicationStream stream = replication.startLogical("tds_two_phase", Lsn.INVALID, Map.of(), ReplicationStreamOptions.DEFAULTS);
        TestDecodingDecoder decoder = new TestDecodingDecoder();
        CompletableFuture<List<TestDecodingMessage>> result = new CompletableFuture<>();
        running = stream.messages()
                .doOnNext(m -> stream.acknowledge(m.start()))
                .map(m -> decoder.decode(m.payload()))
                .takeUntil(CommitPrepared.class::isInstance)
                .collectList()
                .subscribe(result::complete, result::completeExceptionally);
        TestServer.run(sql, "BEGIN; INSERT INTO tds_items VALUES (7); PREPARE TRANSACTION 'tds''gid'");
        TestServer.run(sql, "COMMIT PREPARED 'tds''gid'");
        List<TestDecodingMessage> lines = Mono.fromFuture(result).block(TestServer.TIMEOUT);

        assertEquals(4, lines.size(), lines.toString());
        long xid = assertInstanceOf(Begin.class, lines.get(0)).xid();
        assertEquals(Map.of("id", 7), assertInstanceOf(Change.class, lines.get(1)).after());
        assertEquals(new Prepare("tds'gid", xid, null), lines.get(2));
        assertEquals(new CommitPrepared("tds'gid", xid, null), lines.get(3));
    }
}
