// Tests of types known only at runtime: enums, composites, domains, hstore, and their introspection.
package org.psycopg.r2dbc.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.codec.builtin.BuiltinCodecs;

class RuntimeTypesTest {

    enum Mood { HAPPY, SAD }

    record Item(Integer id, String name, Integer count) {
    }

    record Money(BigDecimal amount, String currency) {
    }

    private static final int MOOD = 70_001, MOOD_ARRAY = 70_002, ITEM = 70_003, ITEM_ARRAY = 70_004,
            POSITIVE = 70_005, HSTORE = 70_006, HSTORE_ARRAY = 70_007, FLOATRANGE = 70_008;

    /** As introspection would describe the types of "CREATE TYPE mood AS ENUM ...", "CREATE TYPE item AS (...)"... */
    private final CodecRegistry registry = CodecRegistry.defaults().withTypes(
            PgType.fromCatalog(MOOD, "mood", 'e', 'E', 0, MOOD_ARRAY, 0, null, null, List.of(), List.of()),
            PgType.fromCatalog(MOOD_ARRAY, "_mood", 'b', 'A', MOOD, 0, 0, null, null, List.of(), List.of()),
            PgType.fromCatalog(ITEM, "item", 'c', 'C', 0, ITEM_ARRAY, 0, null, null,
                    List.of("id", "name", "count"), List.of(Oids.INT4, Oids.TEXT, Oids.INT4)),
            PgType.fromCatalog(ITEM_ARRAY, "_item", 'b', 'A', ITEM, 0, 0, null, null, List.of(), List.of()),
            PgType.fromCatalog(POSITIVE, "positive", 'd', 'N', 0, 0, Oids.NUMERIC, null, null, List.of(), List.of()),
            PgType.fromCatalog(HSTORE, "hstore", 'b', 'U', 0, HSTORE_ARRAY, 0, null, null, List.of(), List.of()),
            PgType.fromCatalog(HSTORE_ARRAY, "_hstore", 'b', 'A', HSTORE, 0, 0, null, null, List.of(), List.of()),
            PgType.fromCatalog(FLOATRANGE, "floatrange", 'r', 'R', 0, 0, 0, Oids.FLOAT8, null, List.of(), List.of()));

    /** item (42, 'a b', NULL): three fields, each with its type OID and length. */
    private static final String ITEM_42 = "00000003 00000017 00000004 0000002a 00000019 00000003 612062 00000017 ffffffff";

    private <T> T binary(int oid, String hex, Class<T> type) {
        return registry.decode(oid, Format.BINARY, Wire.hex(hex), type);
    }

    private <T> T text(int oid, String text, Class<T> type) {
        return registry.decode(oid, Format.TEXT, Wire.text(text), type);
    }

    @Test
    void enumsReadAsStringsOrJavaEnums() {
        assertEquals("HAPPY", binary(MOOD, "4841505059", Object.class));
        assertEquals(Mood.SAD, text(MOOD, "SAD", Mood.class));
        assertEquals(String.class, registry.javaType(MOOD));
        assertEquals(Format.BINARY, registry.resultFormat(MOOD));
        assertArrayEquals(new Mood[] {Mood.HAPPY, null}, text(MOOD_ARRAY, "{HAPPY,NULL}", Mood[].class));
        assertArrayEquals(new String[] {"SAD"}, (String[]) text(MOOD_ARRAY, "{SAD}", Object.class));
    }

    @Test
    void compositesReadAsObjectArraysRecordsAndMaps() {
        assertArrayEquals(new Object[] {42, "a b", null}, (Object[]) binary(ITEM, ITEM_42, Object.class));
        assertArrayEquals(new Object[] {42, "a b", null}, (Object[]) text(ITEM, "(42,\"a b\",)", Object.class));
        assertEquals(new Item(42, "a b", null), binary(ITEM, ITEM_42, Item.class));
        assertEquals(new Item(42, "", null), text(ITEM, "(42,\"\",)", Item.class));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", 42);
        map.put("name", "a b");
        map.put("count", null);
        assertEquals(map, binary(ITEM, ITEM_42, Map.class));
        assertEquals("(42,\"a b\",)", binary(ITEM, ITEM_42, String.class));
        assertEquals(Object[].class, registry.javaType(ITEM));
        assertThrows(IllegalArgumentException.class, () -> binary(ITEM, ITEM_42, Money.class));
    }

    @Test
    void anonymousRecordsReadTheirFieldsTypes() {
        assertArrayEquals(new Object[] {42, "a b", null}, (Object[]) binary(Oids.RECORD, ITEM_42, Object.class));
        assertArrayEquals(new Object[] {"1", "x\"y"}, (Object[]) text(Oids.RECORD, "(1,\"x\"\"y\")", Object.class));
    }

    @Test
    void arraysOfCompositesNestTheirQuoting() {
        Item[] items = text(ITEM_ARRAY, "{\"(1,\\\"a b\\\",2)\",NULL}", Item[].class);
        assertArrayEquals(new Item[] {new Item(1, "a b", 2), null}, items);
    }

    @Test
    void recordsBindAsUntypedCompositeTextOrTypedOnceRegistered() {
        ParameterEncoder generic = registry.encoder(Item.class);
        assertEquals(Oids.UNSPECIFIED, generic.oid(new Item(1, "a b", null)));
        assertEquals(Format.TEXT, generic.format(new Item(1, "a b", null)));
        assertEquals("(1,\"a b\",)", generic.text(new Item(1, "a b", null)));

        CodecRegistry typed = registry.withOverrides(BuiltinCodecs.composite("item", Item.class));
        assertEquals(ITEM, typed.encoder(Item.class).oid(new Item(1, "x", 2)));
        assertEquals(ITEM, typed.nullOid(Item.class));
        assertEquals(Item.class, typed.javaType(ITEM));
        assertEquals(new Item(42, "a b", null), typed.decode(ITEM, Format.BINARY, Wire.hex(ITEM_42), null));
    }

    @Test
    void domainsReadAsTheirBaseType() {
        assertEquals(new BigDecimal("5"), binary(POSITIVE, "0001 0000 0000 0000 0005", Object.class));
        assertEquals(BigDecimal.class, registry.javaType(POSITIVE));
        assertEquals(5L, (long) text(POSITIVE, "5", Long.class));
        assertEquals("positive", registry.typeName(POSITIVE));
    }

    @Test
    void userRangesReadTheirSubtype() {
        assertEquals(Range.closed(1.5, 2.0), text(FLOATRANGE, "[1.5,2]", Range.class));
        assertEquals(FLOATRANGE, registry.rangeOf(Oids.FLOAT8).oid());
        assertEquals(Oids.NUMRANGE, registry.rangeOf(Oids.NUMERIC).oid());
    }

    @Test
    void hstoreReadsAndBindsMapsOfStrings() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("a", "1");
        expected.put("b c", null);
        // two pairs: "a"=>"1", "b c"=>NULL
        String hex = "00000002 00000001 61 00000001 31 00000003 622063 ffffffff";
        assertEquals(expected, binary(HSTORE, hex, Object.class));
        assertEquals(expected, text(HSTORE, "\"a\"=>\"1\", \"b c\"=>NULL", Map.class));
        assertEquals(Map.of("k\"q", "v\\"), text(HSTORE, "\"k\\\"q\"=>\"v\\\\\"", Map.class));
        assertEquals(HSTORE, registry.encoder(LinkedHashMap.class).oid(expected));
        assertEquals(hex.replace(" ", ""), Wire.encode(registry, expected));
        assertEquals("\"a\"=>\"1\", \"b c\"=>NULL", registry.encoder(Map.class).text(expected));
        assertEquals(Oids.UNSPECIFIED, CodecRegistry.defaults().encoder(LinkedHashMap.class).oid(expected));
        assertEquals(Format.TEXT, CodecRegistry.defaults().encoder(LinkedHashMap.class).format(expected));
    }

    @Test
    void unknownReferencesTellIntrospectionWhatToFetchNext() {
        CodecRegistry partial = CodecRegistry.defaults().withTypes(
                PgType.fromCatalog(80_001, "_thing", 'b', 'A', 80_000, 0, 0, null, null, List.of(), List.of()));
        assertEquals(Set.of(80_000), partial.unknownReferences());
        assertEquals(Set.of(), registry.unknownReferences());
        assertEquals(PgType.Kind.ARRAY, partial.type(80_001).kind());
    }

    @Test
    void aTypeWithoutCodecReadsAsText() {
        CodecRegistry r = CodecRegistry.defaults().withTypes(PgType.fromCatalog(90_000, "ltree", 'b', 'U', 0, 0, 0, null, null,
                List.of(), List.of()));
        assertEquals("a.b.c", r.decode(90_000, Format.TEXT, ByteBuffer.wrap("a.b.c".getBytes()), null));
        assertEquals(Format.TEXT, r.resultFormat(90_000));
        assertEquals("ltree", r.typeName(90_000));
    }
}
