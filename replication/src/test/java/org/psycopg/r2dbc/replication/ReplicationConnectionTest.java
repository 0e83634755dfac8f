package org.psycopg.r2dbc.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.codec.Lsn;
import reactor.core.publisher.Flux;
import io.r2dbc.spi.R2dbcException;

/** The replication commands against a real walsender, logical and physical. */
class ReplicationConnectionTest {

    private final PsycopgConnection sql = TestServer.connect();
    private final ReplicationConnection logical = TestServer.replication(ReplicationMode.LOGICAL);

    @AfterEach
    void close() {
        TestServer.dropSlots(sql, logical, "rct\\_%");
        logical.close().block(TestServer.TIMEOUT);
        TestServer.run(sql, "DROP TABLE IF EXISTS rct_items");
        sql.close().block(TestServer.TIMEOUT);
    }

    @Test
    void identifySystemNamesTheClusterTimelineAndDatabase() {
        SystemIdentity identity = logical.identifySystem().block(TestServer.TIMEOUT);
        assertEquals(TestServer.queryString(sql, "SELECT system_identifier::text FROM pg_control_system()"), identity.systemId());
        assertEquals(1, identity.timeline());
        assertTrue(identity.walFlush().compareTo(Lsn.INVALID) > 0);
        assertEquals(TestServer.queryString(sql, "SELECT current_database()"), identity.database());
    }

    @Test
    void physicalConnectionHasNoDatabase() {
        ReplicationConnection physical = TestServer.replication(ReplicationMode.PHYSICAL);
        try {
            SystemIdentity identity = physical.identifySystem().block(TestServer.TIMEOUT);
            assertNull(identity.database());
        } finally {
            physical.close().block(TestServer.TIMEOUT);
        }
    }

    @Test
    void createsLogicalSlotWithExportedSnapshotAndDropsIt() {
        ReplicationSlot slot = logical.createSlot(CreateReplicationSlot.logical("rct_export", "pgoutput")
                .withSnapshot(SnapshotAction.EXPORT)).block(TestServer.TIMEOUT);
        assertEquals("rct_export", slot.slotName());
        assertEquals("pgoutput", slot.outputPlugin());
        assertNotNull(slot.snapshotName());
        assertEquals(slot.consistentPoint().toString(), TestServer.queryString(sql,
                "SELECT confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = 'rct_export'"));
        logical.dropSlot("rct_export", true).block(TestServer.TIMEOUT);
        assertEquals("0", TestServer.queryString(sql, "SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'rct_export'"));
    }

    @Test
    void createsTwoPhaseTemporarySlotWithoutSnapshot() {
        ReplicationSlot slot = logical.createSlot(CreateReplicationSlot.logical("rct_two_phase", "pgoutput")
                .asTemporary().withTwoPhase().withSnapshot(SnapshotAction.NOTHING)).block(TestServer.TIMEOUT);
        assertNull(slot.snapshotName());
        assertEquals("true true", TestServer.queryString(sql,
                "SELECT temporary || ' ' || two_phase FROM pg_replication_slots WHERE slot_name = 'rct_two_phase'"));
    }

    @Test
    void readsPhysicalSlotAndReportsMissingOneAsEmpty() {
        logical.createSlot(CreateReplicationSlot.physical("rct_physical").withReservedWal()).block(TestServer.TIMEOUT);
        ReplicationSlotState state = logical.readSlot("rct_physical").block(TestServer.TIMEOUT).orElseThrow();
        assertEquals("physical", state.slotType());
        assertEquals(TestServer.queryString(sql, "SELECT restart_lsn::text FROM pg_replication_slots WHERE slot_name = 'rct_physical'"),
                state.restartLsn().toString());
        assertEquals(1L, state.restartTimeline());
        assertEquals(Optional.empty(), logical.readSlot("rct_missing").block(TestServer.TIMEOUT));
    }

    @Test
    void commandErrorFailsThatCommandOnly() {
        assertThrows(R2dbcException.class, () -> logical.dropSlot("rct_missing", false).block(TestServer.TIMEOUT));
        assertEquals(1, logical.identifySystem().block(TestServer.TIMEOUT).timeline());
    }

    @Test
    void exportedSnapshotReadsTheTableStateTheStreamStartsFrom() {
        TestServer.run(sql, "CREATE TABLE rct_items (id int)");
        TestServer.run(sql, "INSERT INTO rct_items SELECT generate_series(1, 10)");
        ReplicationSlot slot = logical.createSlot(CreateReplicationSlot.logical("rct_snapshot", "test_decoding")
                .asTemporary().withSnapshot(SnapshotAction.EXPORT)).block(TestServer.TIMEOUT);
        TestServer.run(sql, "INSERT INTO rct_items VALUES (11)");
        // The initial load, in the exported snapshot: valid until the next command on the replication connection.
        PsycopgConnection loader = TestServer.connect();
        try {
            List<String> loaded = Flux.from(loader.createBatch().add("BEGIN ISOLATION LEVEL REPEATABLE READ")
                            .add("SET TRANSACTION SNAPSHOT '" + slot.snapshotName() + "'")
                            .add("SELECT string_agg(id::text, ',' ORDER BY id) FROM rct_items").add("COMMIT").execute())
                    .concatMap(r -> r.map(row -> row.get(0, String.class))).collectList().block(TestServer.TIMEOUT);
            assertEquals(List.of("1,2,3,4,5,6,7,8,9,10"), loaded);
        } finally {
            loader.close().block(TestServer.TIMEOUT);
        }
        ReplicationStream stream = logical.startLogical("rct_snapshot", Lsn.INVALID, Map.of("include-xids", "0"),
                ReplicationStreamOptions.DEFAULTS);
        String firstChange = stream.messages().map(m -> StandardCharsets.UTF_8.decode(m.payload()).toString())
                .filter(text -> text.startsWith("table")).blockFirst(TestServer.TIMEOUT);
        assertEquals("table public.rct_items: INSERT: id[integer]:11", firstChange);
    }

    @Test
    void logicalStreamDeliversPluginMessagesAndStops() {
        TestServer.run(sql, "CREATE TABLE rct_items (id int)");
        logical.createSlot(CreateReplicationSlot.logical("rct_decoding", "test_decoding").asTemporary()).block(TestServer.TIMEOUT);
        ReplicationStream stream = logical.startLogical("rct_decoding", Lsn.INVALID, Map.of("include-xids", "0"),
                ReplicationStreamOptions.DEFAULTS);
        TestServer.run(sql, "INSERT INTO rct_items VALUES (7)");
        List<String> texts = stream.messages()
                .map(m -> StandardCharsets.UTF_8.decode(m.payload()).toString())
                .take(3)
                .collectList().block(TestServer.TIMEOUT);
        assertEquals(List.of("BEGIN", "table public.rct_items: INSERT: id[integer]:7", "COMMIT"), texts);
        // take(3) cancelled the stream: the connection takes commands again.
        assertEquals(1, logical.identifySystem().block(TestServer.TIMEOUT).timeline());
    }
}
