package org.psycopg.r2dbc.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.codec.Lsn;
import org.psycopg.r2dbc.replication.PgOutputMessage.Begin;
import org.psycopg.r2dbc.replication.PgOutputMessage.BeginPrepare;
import org.psycopg.r2dbc.replication.PgOutputMessage.Column;
import org.psycopg.r2dbc.replication.PgOutputMessage.Commit;
import org.psycopg.r2dbc.replication.PgOutputMessage.CommitPrepared;
import org.psycopg.r2dbc.replication.PgOutputMessage.Delete;
import org.psycopg.r2dbc.replication.PgOutputMessage.Insert;
import org.psycopg.r2dbc.replication.PgOutputMessage.LogicalMessage;
import org.psycopg.r2dbc.replication.PgOutputMessage.Origin;
import org.psycopg.r2dbc.replication.PgOutputMessage.Prepare;
import org.psycopg.r2dbc.replication.PgOutputMessage.Relation;
import org.psycopg.r2dbc.replication.PgOutputMessage.RollbackPrepared;
import org.psycopg.r2dbc.replication.PgOutputMessage.StreamAbort;
import org.psycopg.r2dbc.replication.PgOutputMessage.StreamCommit;
import org.psycopg.r2dbc.replication.PgOutputMessage.StreamPrepare;
import org.psycopg.r2dbc.replication.PgOutputMessage.StreamStart;
import org.psycopg.r2dbc.replication.PgOutputMessage.StreamStop;
import org.psycopg.r2dbc.replication.PgOutputMessage.Truncate;
import org.psycopg.r2dbc.replication.PgOutputMessage.Type;
import org.psycopg.r2dbc.replication.PgOutputMessage.Update;

/** pgoutput messages from their bytes, laid out as protocol.sgml's "Logical Replication Message Formats" says. */
class PgOutputDecoderTest {

    /** 2024-01-01T00:00:00Z in microseconds since 2000-01-01. */
    private static final String TIME = "0002b0d5d4e94000";
    private static final Instant INSTANT = Instant.parse("2024-01-01T00:00:00Z");

    private final PgOutputDecoder decoder = new PgOutputDecoder();

    /** Hex digits (spaces ignored) and 'quoted' text as NUL-terminated UTF-8 strings. */
    private static ByteBuffer bytes(String spec) {
        StringBuilder hex = new StringBuilder();
        String[] parts = spec.split("'", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 0) {
                hex.append(parts[i].replace(" ", ""));
            } else {
                hex.append(HexFormat.of().formatHex(parts[i].getBytes(StandardCharsets.UTF_8))).append("00");
            }
        }
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex.toString())).asReadOnlyBuffer();
    }

    /** Relation 16384 public.items (id int4 key, name text, price numeric, payload text). */
    private Relation describeItems() {
        return (Relation) decoder.decode(bytes("52 00004000 'public' 'items' 64 0004"
                + " 01 'id' 00000017 ffffffff"
                + " 00 'name' 00000019 ffffffff"
                + " 00 'price' 000006a4 000a0006"
                + " 00 'payload' 00000019 ffffffff"));
    }

    @Test
    void beginAndCommitCarryPositionsTimeAndTransaction() {
        Begin begin = (Begin) decoder.decode(bytes("42 0000000100000200 " + TIME + " fffffffe"));
        assertEquals(new Begin(Lsn.parse("1/200"), INSTANT, 4294967294L), begin);
        Commit commit = (Commit) decoder.decode(bytes("43 00 0000000100000200 0000000100000228 " + TIME));
        assertEquals(new Commit(0, Lsn.parse("1/200"), Lsn.parse("1/228"), INSTANT), commit);
    }

    @Test
    void originNamesWhereTheTransactionCameFrom() {
        assertEquals(new Origin(Lsn.parse("0/10"), "node_a"), decoder.decode(bytes("4f 0000000000000010 'node_a'")));
    }

    @Test
    void relationDescribesColumnsKeyTypesAndReplicaIdentity() {
        Relation relation = describeItems();
        assertEquals("public", relation.namespace());
        assertEquals("items", relation.name());
        assertEquals('d', relation.replicaIdentity());
        assertEquals(new Column(true, "id", 23, -1), relation.column(0));
        assertEquals(new Column(false, "price", 1700, 0x000a0006), relation.column(2));
        assertEquals(relation, decoder.relation(16384));
        Relation catalog = (Relation) decoder.decode(bytes("52 00000001 '' 'pg_thing' 6e 0000"));
        assertEquals("pg_catalog", catalog.namespace());
    }

    @Test
    void typeNamesAUserType() {
        assertEquals(new Type(0, 16500, "public", "mood"), decoder.decode(bytes("59 00004074 'public' 'mood'")));
    }

    @Test
    void insertDecodesTextValuesThroughTheCodecs() {
        Relation items = describeItems();
        Insert insert = (Insert) decoder.decode(bytes("49 00004000 4e 0004"
                + " 74 00000002 3432"            // '42'
                + " 74 00000003 616263"          // 'abc'
                + " 74 00000004 312e3530"        // '1.50'
                + " 6e"));
        assertEquals(items, insert.relation());
        assertEquals(Arrays.asList(42, "abc", new BigDecimal("1.50"), null), insert.newTuple().values());
    }

    @Test
    void insertDecodesBinaryValues() {
        describeItems();
        Insert insert = (Insert) decoder.decode(bytes("49 00004000 4e 0004"
                + " 62 00000004 0000002a"        // int4 42, binary
                + " 62 00000002 6869"            // text 'hi', binary
                + " 62 0000000a 0001 0000 0000 0002 000f"   // numeric 15.00, binary
                + " 6e"));
        assertEquals(Arrays.asList(42, "hi", new BigDecimal("15.00"), null), insert.newTuple().values());
    }

    @Test
    void updateWithFullOldRowAndUnchangedToast() {
        describeItems();
        Update update = (Update) decoder.decode(bytes("55 00004000"
                + " 4f 0004 74 00000001 31 74 00000001 61 6e 75"
                + " 4e 0004 74 00000001 31 74 00000001 62 6e 75"));
        assertEquals('O', update.oldKind());
        assertEquals(Arrays.asList(1, "a", null, UnchangedToast.VALUE), update.oldTuple().values());
        assertEquals(Arrays.asList(1, "b", null, UnchangedToast.VALUE), update.newTuple().values());
    }

    @Test
    void updateWithoutOldTupleAndWithOldKey() {
        describeItems();
        Update plain = (Update) decoder.decode(bytes("55 00004000 4e 0004 74 00000001 31 6e 6e 6e"));
        assertEquals(0, plain.oldKind());
        assertNull(plain.oldTuple());
        Update keyed = (Update) decoder.decode(bytes("55 00004000 4b 0004 74 00000001 32 6e 6e 6e 4e 0004 74 00000001 33 6e 6e 6e"));
        assertEquals('K', keyed.oldKind());
        assertEquals(2, keyed.oldTuple().get(0));
        assertEquals(3, keyed.newTuple().get(0));
    }

    @Test
    void deleteCarriesTheOldKey() {
        describeItems();
        Delete delete = (Delete) decoder.decode(bytes("44 00004000 4b 0004 74 00000001 37 6e 6e 6e"));
        assertEquals('K', delete.oldKind());
        assertEquals(Arrays.asList(7, null, null, null), delete.oldTuple().values());
    }

    @Test
    void truncateListsItsRelationsAndOptions() {
        Relation items = describeItems();
        Truncate truncate = (Truncate) decoder.decode(bytes("54 00000001 03 00004000"));
        assertEquals(new Truncate(0, List.of(items), true, true), truncate);
    }

    @Test
    void logicalMessageCarriesPrefixAndContent() {
        LogicalMessage message = (LogicalMessage) decoder.decode(bytes("4d 01 0000000000000300 'app' 00000003 010203"));
        assertTrue(message.transactional());
        assertEquals(Lsn.parse("0/300"), message.lsn());
        assertEquals("app", message.prefix());
        byte[] content = new byte[3];
        message.content().duplicate().get(content);
        assertArrayEquals(new byte[] {1, 2, 3}, content);
    }

    @Test
    void streamedChangesCarryTheirTransactionBetweenStartAndStop() {
        assertEquals(new StreamStart(1000, true), decoder.decode(bytes("53 000003e8 01")));
        Relation relation = (Relation) decoder.decode(bytes("52 000003e8 00004000 'public' 'items' 64 0001 01 'id' 00000017 ffffffff"));
        assertEquals(1000, relation.xid());
        Insert insert = (Insert) decoder.decode(bytes("49 000003e8 00004000 4e 0001 74 00000001 35"));
        assertEquals(1000, insert.xid());
        assertEquals(5, insert.newTuple().get(0));
        LogicalMessage message = (LogicalMessage) decoder.decode(bytes("4d 000003e8 00 0000000000000300 'p' 00000000"));
        assertEquals(1000, message.xid());
        assertEquals(new StreamStop(), decoder.decode(bytes("45")));
        Insert after = (Insert) decoder.decode(bytes("49 00004000 4e 0001 74 00000001 36"));
        assertEquals(0, after.xid());
        assertEquals(new StreamCommit(1000, 0, Lsn.parse("0/500"), Lsn.parse("0/528"), INSTANT),
                decoder.decode(bytes("63 000003e8 00 0000000000000500 0000000000000528 " + TIME)));
    }

    @Test
    void streamAbortWithAndWithoutParallelFields() {
        assertEquals(new StreamAbort(1000, 1001, null, null), decoder.decode(bytes("41 000003e8 000003e9")));
        assertEquals(new StreamAbort(1000, 1000, Lsn.parse("0/600"), INSTANT),
                decoder.decode(bytes("41 000003e8 000003e8 0000000000000600 " + TIME)));
    }

    @Test
    void twoPhaseMessagesCarryGid() {
        assertEquals(new BeginPrepare(Lsn.parse("0/700"), Lsn.parse("0/728"), INSTANT, 5, "tx1"),
                decoder.decode(bytes("62 0000000000000700 0000000000000728 " + TIME + " 00000005 'tx1'")));
        assertEquals(new Prepare(0, Lsn.parse("0/700"), Lsn.parse("0/728"), INSTANT, 5, "tx1"),
                decoder.decode(bytes("50 00 0000000000000700 0000000000000728 " + TIME + " 00000005 'tx1'")));
        assertEquals(new CommitPrepared(0, Lsn.parse("0/800"), Lsn.parse("0/828"), INSTANT, 5, "tx1"),
                decoder.decode(bytes("4b 00 0000000000000800 0000000000000828 " + TIME + " 00000005 'tx1'")));
        assertEquals(new RollbackPrepared(0, Lsn.parse("0/728"), Lsn.parse("0/900"), INSTANT, INSTANT, 5, "tx1"),
                decoder.decode(bytes("72 00 0000000000000728 0000000000000900 " + TIME + " " + TIME + " 00000005 'tx1'")));
        assertEquals(new StreamPrepare(0, Lsn.parse("0/700"), Lsn.parse("0/728"), INSTANT, 5, "tx1"),
                decoder.decode(bytes("70 00 0000000000000700 0000000000000728 " + TIME + " 00000005 'tx1'")));
    }

    @Test
    void unknownRelationUnknownTypeAndTruncationAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> decoder.decode(bytes("49 00009999 4e 0000")));
        assertThrows(IllegalArgumentException.class, () -> decoder.decode(bytes("5a")));
        assertThrows(IllegalArgumentException.class, () -> decoder.decode(bytes("42 00000001")));
    }
}
