package org.psycopg.r2dbc.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.codec.Lsn;
import org.psycopg.r2dbc.replication.PgOutputMessage.BeginPrepare;
import org.psycopg.r2dbc.replication.PgOutputMessage.CommitPrepared;
import org.psycopg.r2dbc.replication.PgOutputMessage.Insert;
import org.psycopg.r2dbc.replication.PgOutputMessage.Prepare;
import org.psycopg.r2dbc.replication.PgOutputMessage.StreamCommit;
import org.psycopg.r2dbc.replication.PgOutputMessage.StreamStart;
import org.psycopg.r2dbc.replication.PgOutputMessage.StreamStop;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** pgoutput from a real walsender: a transaction streamed while in progress, a prepared transaction. */
class PgOutputStreamTest {

    private final PsycopgConnection sql = TestServer.connect();
    private ReplicationConnection replication;
    private Disposable running;

    @AfterEach
    void cleanUp() {
        if (running != null) {
            running.dispose();
        }
        TestServer.dropSlots(sql, replication, "pst\\_%");
        replication.close().block(TestServer.TIMEOUT);
        TestServer.run(sql, "DROP PUBLICATION IF EXISTS pst_pub; DROP TABLE IF EXISTS pst_items");
        sql.close().block(TestServer.TIMEOUT);
    }

    /** Decodes the slot's messages until {@code last} arrives. */
    private CompletableFuture<List<PgOutputMessage>> decodeUntil(ReplicationStream stream, Class<?> last) {
        PgOutputDecoder decoder = new PgOutputDecoder();
        CompletableFuture<List<PgOutputMessage>> result = new CompletableFuture<>();
        running = stream.messages()
                .doOnNext(m -> stream.acknowledge(m.start()))
                .map(m -> decoder.decode(m.payload()))
                .takeUntil(last::isInstance)
                .collectList()
                .subscribe(result::complete, result::completeExceptionally);
        return result;
    }

    @Test
    void transactionLargerThanLogicalDecodingWorkMemIsStreamedWhileInProgress() {
        replication = ReplicationConnection.open(TestServer.configuration().options("-c logical_decoding_work_mem=64kB"),
                ReplicationMode.LOGICAL).block(TestServer.TIMEOUT);
        TestServer.run(sql, "CREATE TABLE pst_items (id int PRIMARY KEY, note text); CREATE PUBLICATION pst_pub FOR TABLE pst_items");
        replication.createSlot(CreateReplicationSlot.logical("pst_streaming", "pgoutput").withSnapshot(SnapshotAction.NOTHING))
                .block(TestServer.TIMEOUT);
        ReplicationStream stream = replication.startLogical("pst_streaming", Lsn.INVALID,
                Map.of("proto_version", "2", "publication_names", "pst_pub", "streaming", "on"),
                ReplicationStreamOptions.DEFAULTS);
        var messages = decodeUntil(stream, StreamCommit.class);
        TestServer.run(sql, "INSERT INTO pst_items SELECT g, repeat('n', 100) FROM generate_series(1, 5000) g");
        List<PgOutputMessage> decoded = Mono.fromFuture(messages).block(TestServer.TIMEOUT);

        StreamStart start = assertInstanceOf(StreamStart.class, decoded.get(0));
        assertTrue(start.firstSegment());
        List<Insert> inserts = decoded.stream().filter(Insert.class::isInstance).map(Insert.class::cast).toList();
        assertEquals(5000, inserts.size());
        assertTrue(inserts.stream().allMatch(i -> i.xid() == start.xid()), "every streamed change names its transaction");
        for (int i = 0; i < inserts.size(); i++) {
            assertEquals(i + 1, inserts.get(i).newTuple().get(0));
        }
        assertEquals("n".repeat(100), inserts.get(4999).newTuple().get(1));
        assertTrue(decoded.stream().filter(StreamStop.class::isInstance).count() > 1, "streamed in several blocks");
        assertEquals(start.xid(), ((StreamCommit) decoded.get(decoded.size() - 1)).xid());
    }

    @Test
    void preparedTransactionIsSeenAsSuchThenItsCommit() {
        replication = TestServer.replication(ReplicationMode.LOGICAL);
        TestServer.run(sql, "CREATE TABLE pst_items (id int PRIMARY KEY, note text); CREATE PUBLICATION pst_pub FOR TABLE pst_items");
        replication.createSlot(CreateReplicationSlot.logical("pst_two_phase", "pgoutput").withTwoPhase()
                .withSnapshot(SnapshotAction.NOTHING)).block(TestServer.TIMEOUT);
        ReplicationStream stream = replication.startLogical("pst_two_phase", Lsn.INVALID,
                Map.of("proto_version", "3", "publication_names", "pst_pub", "two_phase", "on"),
                ReplicationStreamOptions.DEFAULTS);
        var messages = decodeUntil(stream, CommitPrepared.class);
        TestServer.run(sql, "BEGIN; INSERT INTO pst_items VALUES (1, 'p'); PREPARE TRANSACTION 'pst_gid'");
        TestServer.run(sql, "COMMIT PREPARED 'pst_gid'");
        List<PgOutputMessage> decoded = Mono.fromFuture(messages).block(TestServer.TIMEOUT);

        List<Class<?>> kinds = decoded.stream().filter(m -> !(m instanceof PgOutputMessage.Relation))
                .<Class<?>>map(Object::getClass).toList();
        assertEquals(List.of(BeginPrepare.class, Insert.class, Prepare.class, CommitPrepared.class), kinds);
        BeginPrepare begin = (BeginPrepare) decoded.get(0);
        assertEquals("pst_gid", begin.gid());
        Prepare prepare = (Prepare) decoded.stream().filter(Prepare.class::isInstance).findFirst().orElseThrow();
        assertEquals(begin.xid(), prepare.xid());
        assertEquals("pst_gid", ((CommitPrepared) decoded.get(decoded.size() - 1)).gid());
    }
}
