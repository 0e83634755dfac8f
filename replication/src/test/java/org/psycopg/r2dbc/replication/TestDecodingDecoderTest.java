package org.psycopg.r2dbc.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.codec.BitString;
import org.psycopg.r2dbc.replication.ChangeEvent.Operation;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Begin;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Change;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Column;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Commit;
import org.psycopg.r2dbc.replication.TestDecodingMessage.CommitPrepared;
import org.psycopg.r2dbc.replication.TestDecodingMessage.LogicalMessage;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Prepare;
import org.psycopg.r2dbc.replication.TestDecodingMessage.RollbackPrepared;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Table;
import org.psycopg.r2dbc.replication.TestDecodingMessage.Truncate;

/**
 * test_decoding lines as PostgreSQL 17 wrote them (pg_logical_slot_get_changes with
 * include-timestamp), for a table with a column of each kind; only the 3,000-character TOASTed
 * value is rebuilt in code.
 */
class TestDecodingDecoderTest {

    private static final String BIG = "x".repeat(3000);
    private static final String REST = " ratio[double precision]:0.25 b[bit]:B'101' vb[bit varying]:B'11'"
            + " vc[character varying]:'vc' ch[character]:'c ' big[text]:";
    private static final String TAIL = " mood[tdc_mood]:'happy' f4[real]:NaN i2[smallint]:-3 js[jsonb]:'{\"a\": \"b c\"}'"
            + " ts[timestamp without time zone]:'2024-01-01 00:00:00' \"Odd col\"[integer]:7 q[\"char\"]:'q'";
    private static final String INSERT = "table public.tdc_t: INSERT: id[integer]:1 name[text]:'it''s a \"test\" \\ x'"
            + " price[numeric]:1.50 flag[boolean]:true at[timestamp with time zone]:'2024-05-06 07:08:09.123456+00'"
            + " day[date]:'2024-05-06' tags[integer[]]:'{1,NULL,3}'" + REST + "'" + BIG + "'" + TAIL;
    private static final String UPDATE_KEEPING_KEY = "table public.tdc_t: UPDATE: id[integer]:1 name[text]:null"
            + " price[numeric]:1.50 flag[boolean]:true at[timestamp with time zone]:'2024-05-06 07:08:09.123456+00'"
            + " day[date]:'2024-05-06' tags[integer[]]:'{1,NULL,3}'" + REST + "unchanged-toast-datum" + TAIL;
    private static final String UPDATE_OF_KEY = "table public.tdc_t: UPDATE: old-key: id[integer]:1 new-tuple: id[integer]:2"
            + " name[text]:null price[numeric]:1.50 flag[boolean]:true at[timestamp with time zone]:'2024-05-06 07:08:09.123456+00'"
            + " day[date]:'2024-05-06' tags[integer[]]:'{1,NULL,3}'" + REST + "unchanged-toast-datum" + TAIL;
    private static final String UPDATE_FULL = "table public.tdc_t: UPDATE: old-key: id[integer]:2 price[numeric]:1.50"
            + " flag[boolean]:true at[timestamp with time zone]:'2024-05-06 07:08:09.123456+00' day[date]:'2024-05-06'"
            + " tags[integer[]]:'{1,NULL,3}'" + REST + "'" + BIG + "'" + TAIL
            + " new-tuple: id[integer]:2 name[text]:null price[numeric]:1.50 flag[boolean]:false"
            + " at[timestamp with time zone]:'2024-05-06 07:08:09.123456+00' day[date]:'2024-05-06'"
            + " tags[integer[]]:'{1,NULL,3}'" + REST + "unchanged-toast-datum" + TAIL;
    private static final String INSERT_OF_NULLS = "table public.tdc_t: INSERT: id[integer]:3 name[text]:null price[numeric]:null"
            + " flag[boolean]:null at[timestamp with time zone]:null day[date]:null tags[integer[]]:null"
            + " ratio[double precision]:null b[bit]:null vb[bit varying]:null vc[character varying]:null ch[character]:null"
            + " big[text]:null mood[tdc_mood]:null f4[real]:null i2[smallint]:null js[jsonb]:null"
            + " ts[timestamp without time zone]:null \"Odd col\"[integer]:null q[\"char\"]:null";

    private final TestDecodingDecoder decoder = new TestDecodingDecoder();

    private Change change(String line) {
        return assertInstanceOf(Change.class, decoder.decode(line));
    }

    private Change change(ByteBuffer payload) {
        return assertInstanceOf(Change.class, decoder.decode(payload));
    }

    @Test
    void insertReadsEveryColumnThroughTheCodecsByTheTypeNameTheServerPrinted() {
        Change insert = change(INSERT);
        assertEquals(new Table("public", "tdc_t"), insert.table());
        assertEquals(Operation.INSERT, insert.operation());
        assertEquals(List.of(), insert.oldKey());
        Map<String, Object> row = insert.after();
        assertEquals(List.of("id", "name", "price", "flag", "at", "day", "tags", "ratio", "b", "vb", "vc", "ch", "big", "mood",
                "f4", "i2", "js", "ts", "Odd col", "q"), List.copyOf(row.keySet()));
        assertEquals(1, row.get("id"));
        assertEquals("it's a \"test\" \\ x", row.get("name"));
        assertEquals(new BigDecimal("1.50"), row.get("price"));
        assertEquals(true, row.get("flag"));
        assertEquals(OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_000, ZoneOffset.UTC),
                ((OffsetDateTime) row.get("at")).withOffsetSameInstant(ZoneOffset.UTC));
        assertEquals(LocalDate.of(2024, 5, 6), row.get("day"));
        assertArrayEquals(new Integer[] {1, null, 3}, (Integer[]) row.get("tags"));
        assertEquals(0.25, row.get("ratio"));
        assertEquals(BitString.parse("101"), row.get("b"));
        assertEquals(BitString.parse("11"), row.get("vb"));
        assertEquals("vc", row.get("vc"));
        assertEquals("c ", row.get("ch"));
        assertEquals(BIG, row.get("big"));
        assertEquals("happy", row.get("mood"), "a type the codecs do not know stays text");
        assertEquals(Float.NaN, row.get("f4"));
        assertEquals((short) -3, row.get("i2"));
        assertEquals("{\"a\": \"b c\"}", row.get("js"), "jsonb reads as its text, as a query reads it");
        assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0), row.get("ts"));
        assertEquals(7, row.get("Odd col"));
        assertEquals(new Column("q", "\"char\"", "q"), insert.newTuple().get(19));
        assertEquals(new Column("at", "timestamp with time zone", row.get("at")), insert.newTuple().get(4));
    }

    @Test
    void updateWithoutKeyChangeHasNoOldKeyAndMarksTheUnchangedToastValue() {
        Change update = change(UPDATE_KEEPING_KEY);
        assertEquals(Operation.UPDATE, update.operation());
        assertEquals(Map.of(), update.before());
        assertNull(update.after().get("name"));
        assertEquals(UnchangedToast.VALUE, update.after().get("big"));
        assertEquals(20, update.newTuple().size());
    }

    @Test
    void updateOfTheKeyCarriesTheOldKeyThenTheNewTuple() {
        Change update = change(UPDATE_OF_KEY);
        assertEquals(Map.of("id", 1), update.before());
        assertEquals(2, update.after().get("id"));
        assertEquals(20, update.newTuple().size());
    }

    @Test
    void updateWithReplicaIdentityFullCarriesTheOldRowWithoutItsNulls() {
        Change update = change(UPDATE_FULL);
        assertEquals(19, update.oldKey().size(), "the null name is left out of the old row");
        assertEquals(BIG, update.before().get("big"));
        assertEquals(true, update.before().get("flag"));
        assertEquals(false, update.after().get("flag"));
        assertEquals(UnchangedToast.VALUE, update.after().get("big"));
        assertEquals(7, update.before().get("Odd col"));
    }

    @Test
    void deleteCarriesTheKeyAndInsertOfNullsReadsNulls() {
        Change delete = change("table public.tdc_t: DELETE: id[integer]:3");
        assertEquals(Operation.DELETE, delete.operation());
        assertEquals(Map.of("id", 3), delete.before());
        assertEquals(Map.of(), delete.after());

        Change nulls = change(INSERT_OF_NULLS);
        assertEquals(3, nulls.after().get("id"));
        assertEquals(20, nulls.newTuple().size());
        assertEquals(19, nulls.newTuple().stream().filter(c -> c.value() == null).count());

        Change withoutKey = change("table public.tdc_t: DELETE: (no-tuple-data)");
        assertEquals(List.of(), withoutKey.oldKey());
    }

    @Test
    void quotedTableNamesAndTruncateFlags() {
        Change insert = change("table public.\"Odd [name]\": INSERT: k[integer]:1");
        assertEquals(new Table("public", "Odd [name]"), insert.table());
        assertEquals(Map.of("k", 1), insert.after());

        Truncate two = assertInstanceOf(Truncate.class, decoder.decode("table public.\"Odd [name]\", public.tdc_t: TRUNCATE: (no-flags)"));
        assertEquals(new Truncate(List.of(new Table("public", "Odd [name]"), new Table("public", "tdc_t")), false, false), two);
        assertEquals(new Truncate(List.of(new Table("public", "tdc_t")), true, true),
                decoder.decode("table public.tdc_t: TRUNCATE: restart_seqs cascade"));
    }

    @Test
    void beginAndCommitWithAndWithoutTheirOptions() {
        assertEquals(new Begin(743), decoder.decode("BEGIN 743"));
        assertEquals(new Begin(0), decoder.decode("BEGIN"));
        assertEquals(new Commit(743, Instant.parse("2026-11-25T02:49:21.8855Z")),
                decoder.decode("COMMIT 743 (at 2026-11-25 02:49:21.8855+00)"));
        assertEquals(new Commit(4294967295L, null), decoder.decode("COMMIT 4294967295"));
        assertEquals(new Commit(0, Instant.parse("2026-11-25T00:19:21Z")), decoder.decode("COMMIT (at 2026-11-25 02:49:21+02:30)"));
    }

    @Test
    void logicalMessagesSplitPrefixAndContentByTheContentSize() {
        assertEquals(new LogicalMessage(false, "r2dbc-psycopg heartbeat", ""),
                decoder.decode("message: transactional: 0 prefix: r2dbc-psycopg heartbeat, sz: 0 content:"));
        assertEquals(new LogicalMessage(true, "pfx", "hello world"),
                decoder.decode("message: transactional: 1 prefix: pfx, sz: 11 content:hello world"));
        assertEquals(new LogicalMessage(true, "a, sz: 1 content:b", "é, sz: 3 content:"),
                decoder.decode("message: transactional: 1 prefix: a, sz: 1 content:b, sz: 18 content:é, sz: 3 content:"));
    }

    @Test
    void preparedTransactionLinesWithTheirGid() {
        assertEquals(new Prepare("tdc'gid", 747, Instant.parse("2026-11-25T02:49:39.441077Z")),
                decoder.decode("PREPARE TRANSACTION 'tdc''gid', txid 747 (at 2026-11-25 02:49:39.441077+00)"));
        assertEquals(new CommitPrepared("tdc'gid", 747, Instant.parse("2026-11-25T02:49:39.444733Z")),
                decoder.decode("COMMIT PREPARED 'tdc''gid', txid 747 (at 2026-11-25 02:49:39.444733+00)"));
        assertEquals(new RollbackPrepared("a\\b", 748, Instant.parse("2026-11-25T02:49:39.446665Z")),
                decoder.decode("ROLLBACK PREPARED E'a\\\\b', txid 748 (at 2026-11-25 02:49:39.446665+00)"));
        assertEquals(new Prepare("g", 0, null), decoder.decode("PREPARE TRANSACTION 'g'"));
    }

    @Test
    void payloadIsReadAsUtf8WithoutMovingTheBuffer() {
        ByteBuffer payload = ByteBuffer.wrap("table public.t: INSERT: name[text]:'né'".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", "né");
        assertEquals(expected, change(payload).after());
        assertEquals(0, payload.position());
    }

    @Test
    void linesItCannotReadFailNamingTheLine() {
        IllegalArgumentException streamed = assertThrows(IllegalArgumentException.class,
                () -> decoder.decode("streaming change for TXN 750"));
        assertEquals("test_decoding line not understood: streaming change for TXN 750", streamed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> decoder.decode("table public.t: INSERT: id[integer:1"));
        assertThrows(IllegalArgumentException.class, () -> decoder.decode("table public.t: INSERT: name[text]:'open"));
        assertThrows(IllegalArgumentException.class, () -> decoder.decode("BEGIN x"));
    }
}
