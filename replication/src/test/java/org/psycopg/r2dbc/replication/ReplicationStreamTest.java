package org.psycopg.r2dbc.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.codec.Lsn;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;

/** The WAL stream: status updates while the consumer waits, physical WAL, keepalives and heartbeats on an idle database. */
class ReplicationStreamTest {

    private static final ReplicationStreamOptions FAST = ReplicationStreamOptions.DEFAULTS.withStatusInterval(Duration.ofMillis(200));

    private final PsycopgConnection sql = TestServer.connect();
    private final ReplicationConnection logical = TestServer.replication(ReplicationMode.LOGICAL);

    @AfterEach
    void cleanUp() {
        logical.close().block(TestServer.TIMEOUT);
        ReplicationConnection replication = TestServer.replication(ReplicationMode.LOGICAL);
        try {
            TestServer.dropSlots(sql, replication, "rst\\_%");
        } finally {
            replication.close().block(TestServer.TIMEOUT);
        }
        TestServer.run(sql, "DROP PUBLICATION IF EXISTS rst_pub; DROP TABLE IF EXISTS rst_items, rst_other");
        sql.close().block(TestServer.TIMEOUT);
    }

    /** Counts test_decoding INSERT lines; completes {@code sawLast} at the one for {@code last}. */
    private static final class Idle extends BaseSubscriber<XLogData> {
        final AtomicInteger inserts = new AtomicInteger();
        final CompletableFuture<Void> sawLast = new CompletableFuture<>();
        final String last;

        Idle(int last) {
            this.last = "id[integer]:" + last;
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            // request nothing
        }

        @Override
        protected void hookOnNext(XLogData message) {
            String text = StandardCharsets.UTF_8.decode(message.payload()).toString();
            if (text.contains("INSERT")) {
                inserts.incrementAndGet();
            }
            if (text.endsWith(last)) {
                sawLast.complete(null);
            }
        }

        @Override
        protected void hookOnError(Throwable throwable) {
            sawLast.completeExceptionally(throwable);
        }
    }

    @Test
    void consumerThatRequestsNothingForTwiceWalSenderTimeoutStaysConnected() {
        TestServer.run(sql, "ALTER SYSTEM SET wal_sender_timeout = '1s'");
        TestServer.run(sql, "SELECT pg_reload_conf()");
        try {
            TestServer.run(sql, "CREATE TABLE rst_items (id int)");
            logical.createSlot(CreateReplicationSlot.logical("rst_idle", "test_decoding").asTemporary()).block(TestServer.TIMEOUT);
            ReplicationStream stream = logical.startLogical("rst_idle", Lsn.INVALID, Map.of(), FAST);
            Idle consumer = new Idle(2000);
            stream.messages().subscribe(consumer);
            TestServer.run(sql, "INSERT INTO rst_items SELECT generate_series(1, 2000)");
            Mono.delay(Duration.ofMillis(2500)).block(TestServer.TIMEOUT);
            assertEquals(0, consumer.inserts.get());

            consumer.request(Long.MAX_VALUE);
            Mono.fromFuture(consumer.sawLast).block(TestServer.TIMEOUT);
            assertEquals(2000, consumer.inserts.get());
            consumer.dispose();
        } finally {
            TestServer.run(sql, "ALTER SYSTEM RESET wal_sender_timeout");
            TestServer.run(sql, "SELECT pg_reload_conf()");
        }
    }

    @Test
    void physicalReplicationStreamsWalFromTheBasePositionAndMovesTheSlot() {
        ReplicationConnection physical = TestServer.replication(ReplicationMode.PHYSICAL);
        try {
            physical.createSlot(CreateReplicationSlot.physical("rst_physical").withReservedWal()).block(TestServer.TIMEOUT);
            Lsn base = physical.identifySystem().block(TestServer.TIMEOUT).walFlush();
            ReplicationStream stream = physical.startPhysical("rst_physical", base, 0, FAST);
            TestServer.run(sql, "CREATE TABLE rst_items (id int); INSERT INTO rst_items SELECT generate_series(1, 100)");
            XLogData first = stream.messages()
                    .doOnNext(m -> stream.acknowledge(m.payloadEnd()))
                    .blockFirst(TestServer.TIMEOUT);
            assertEquals(base, first.start());
            assertTrue(first.payload().remaining() > 0);
            assertTrue(first.walEnd().compareTo(base) > 0);
            // blockFirst cancelled the stream after reporting the acknowledgement.
            TestServer.awaitSlotInactive(sql, "rst_physical");
            Lsn restart = Lsn.parse(TestServer.queryString(sql,
                    "SELECT restart_lsn::text FROM pg_replication_slots WHERE slot_name = 'rst_physical'"));
            assertEquals(first.payloadEnd(), restart);
        } finally {
            physical.close().block(TestServer.TIMEOUT);
        }
    }

    @Test
    void idleStreamWithEverythingAcknowledgedAdvancesConfirmedFlush() {
        TestServer.run(sql, "CREATE TABLE rst_items (id int); CREATE TABLE rst_other (id int); CREATE PUBLICATION rst_pub FOR TABLE rst_items");
        ReplicationSlot slot = logical.createSlot(CreateReplicationSlot.logical("rst_keepalive", "pgoutput")
                .withSnapshot(SnapshotAction.NOTHING)).block(TestServer.TIMEOUT);
        ReplicationStream stream = logical.startLogical("rst_keepalive", Lsn.INVALID,
                Map.of("proto_version", "1", "publication_names", "rst_pub"), FAST);
        var running = stream.messages().subscribe();
        try {
            // Only tables outside the publication change: pgoutput sends no data, only keepalives.
            TestServer.run(sql, "INSERT INTO rst_other SELECT generate_series(1, 1000)");
            Lsn written = Lsn.parse(TestServer.queryString(sql, "SELECT pg_current_wal_insert_lsn()::text"));
            assertTrue(written.compareTo(slot.consistentPoint()) > 0, written + " after " + slot.consistentPoint());
            TestServer.awaitConfirmedFlush(sql, "rst_keepalive", written);
        } finally {
            running.dispose();
        }
    }

    @Test
    void keepaliveAdvanceCanBeTurnedOff() {
        TestServer.run(sql, "CREATE TABLE rst_items (id int); CREATE TABLE rst_other (id int); CREATE PUBLICATION rst_pub FOR TABLE rst_items");
        ReplicationConnection second = TestServer.replication(ReplicationMode.LOGICAL);
        try {
            ReplicationSlot advancing = logical.createSlot(CreateReplicationSlot.logical("rst_advancing", "pgoutput")
                    .withSnapshot(SnapshotAction.NOTHING)).block(TestServer.TIMEOUT);
            ReplicationSlot held = second.createSlot(CreateReplicationSlot.logical("rst_held", "pgoutput")
                    .withSnapshot(SnapshotAction.NOTHING)).block(TestServer.TIMEOUT);
            Map<String, String> pgoutput = Map.of("proto_version", "1", "publication_names", "rst_pub");
            var runningAdvancing = logical.startLogical("rst_advancing", Lsn.INVALID, pgoutput, FAST).messages().subscribe();
            var runningHeld = second.startLogical("rst_held", Lsn.INVALID, pgoutput, FAST.withAdvanceOnKeepalive(false))
                    .messages().subscribe();
            try {
                TestServer.run(sql, "INSERT INTO rst_other SELECT generate_series(1, 1000)");
                Lsn written = Lsn.parse(TestServer.queryString(sql, "SELECT pg_current_wal_insert_lsn()::text"));
                TestServer.awaitConfirmedFlush(sql, "rst_advancing", written);
                assertTrue(advancing.consistentPoint().compareTo(written) < 0);
                // Both streams saw the same keepalives; the one told not to use them confirmed nothing.
                assertEquals(held.consistentPoint(), Lsn.parse(TestServer.queryString(sql,
                        "SELECT confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = 'rst_held'")));
            } finally {
                runningAdvancing.dispose();
                runningHeld.dispose();
            }
        } finally {
            second.close().block(TestServer.TIMEOUT);
        }
    }

    @Test
    void heartbeatOnAnIdleDatabaseKeepsConfirmedFlushAdvancing() {
        TestServer.run(sql, "CREATE TABLE rst_items (id int); CREATE PUBLICATION rst_pub FOR TABLE rst_items");
        logical.createSlot(CreateReplicationSlot.logical("rst_heartbeat", "pgoutput")
                .withSnapshot(SnapshotAction.NOTHING)).block(TestServer.TIMEOUT);
        ReplicationStream stream = logical.startLogical("rst_heartbeat", Lsn.INVALID,
                Map.of("proto_version", "1", "publication_names", "rst_pub"),
                FAST.withHeartbeatInterval(Duration.ofMillis(200)));
        var running = stream.messages().subscribe();
        try {
            // Nothing writes from here on but the heartbeat: each confirmed position past the
            // current end of WAL is WAL that it wrote, and the slot moved over.
            for (int beat = 0; beat < 3; beat++) {
                Lsn end = Lsn.parse(TestServer.queryString(sql, "SELECT pg_current_wal_insert_lsn()::text"));
                TestServer.awaitConfirmedFlush(sql, "rst_heartbeat", new Lsn(end.value() + 1));
            }
        } finally {
            running.dispose();
        }
    }

    @Test
    void heartbeatMessagesReachAConsumerOfTestDecodingWhenTheDatabaseIsQuiet() {
        logical.createSlot(CreateReplicationSlot.logical("rst_beats", "test_decoding").asTemporary()).block(TestServer.TIMEOUT);
        ReplicationStream stream = logical.startLogical("rst_beats", Lsn.INVALID, Map.of(),
                FAST.withHeartbeatInterval(Duration.ofMillis(200)));
        TestDecodingDecoder decoder = new TestDecodingDecoder();
        var beats = stream.messages().map(m -> decoder.decode(m.payload())).take(2).collectList().block(TestServer.TIMEOUT);
        assertEquals(List.of(new TestDecodingMessage.LogicalMessage(false, ReplicationStreamOptions.HEARTBEAT_PREFIX, ""),
                new TestDecodingMessage.LogicalMessage(false, ReplicationStreamOptions.HEARTBEAT_PREFIX, "")), beats);
    }
}
