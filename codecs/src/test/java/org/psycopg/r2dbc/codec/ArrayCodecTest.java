// Byte-vector tests of arrays: array_send/array_recv layout and array_out/array_in text.
package org.psycopg.r2dbc.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.psycopg.r2dbc.codec.Wire.binary;
import static org.psycopg.r2dbc.codec.Wire.encode;
import static org.psycopg.r2dbc.codec.Wire.text;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ArrayCodecTest {

    private final CodecRegistry registry = CodecRegistry.defaults();

    /** int4[] {1,2,NULL}: ndim 1, has nulls, element int4, length 3 from 1, then the elements. */
    private static final String INT4_1_2_NULL =
            "00000001 00000001 00000017 00000003 00000001 00000004 00000001 00000004 00000002 ffffffff";
    /** int4[] '[0:1][1:2]={{1,2},{3,4}}'. */
    private static final String INT4_2D_FROM_0 = "00000002 00000000 00000017 00000002 00000000 00000002 00000001"
            + " 00000004 00000001 00000004 00000002 00000004 00000003 00000004 00000004";

    @Test
    void arraysReadAsElementArraysWithNulls() {
        assertArrayEquals(new Integer[] {1, 2, null}, (Integer[]) binary(Oids.INT4_ARRAY, INT4_1_2_NULL));
        assertArrayEquals(new Integer[] {1, 2, null}, (Integer[]) text(Oids.INT4_ARRAY, "{1,2,NULL}"));
        assertArrayEquals(new Long[] {1L, 2L, null}, binary(Oids.INT4_ARRAY, INT4_1_2_NULL, Long[].class));
        assertEquals(Arrays.asList(1, 2, null), binary(Oids.INT4_ARRAY, INT4_1_2_NULL, List.class));
        assertEquals(Integer[].class, registry.javaType(Oids.INT4_ARRAY));
        assertEquals(Format.BINARY, registry.resultFormat(Oids.INT4_ARRAY));
        assertEquals("_int4", registry.typeName(Oids.INT4_ARRAY));
    }

    @Test
    void primitiveArraysReadAndRefuseNulls() {
        assertArrayEquals(new int[] {1, 2}, text(Oids.INT4_ARRAY, "{1,2}", int[].class));
        assertThrows(IllegalArgumentException.class, () -> binary(Oids.INT4_ARRAY, INT4_1_2_NULL, int[].class));
    }

    @Test
    void multidimensionalArraysKeepLowerBoundsInPgArray() {
        assertArrayEquals(new Integer[][] {{1, 2}, {3, 4}}, (Integer[][]) binary(Oids.INT4_ARRAY, INT4_2D_FROM_0));
        PgArray full = binary(Oids.INT4_ARRAY, INT4_2D_FROM_0, PgArray.class);
        assertEquals(new PgArray(Oids.INT4, List.of(2, 2), List.of(0, 1), List.of(1, 2, 3, 4)), full);
        assertEquals(full, text(Oids.INT4_ARRAY, "[0:1][1:2]={{1,2},{3,4}}", PgArray.class));
        assertEquals("[0:1][1:2]={{1,2},{3,4}}", binary(Oids.INT4_ARRAY, INT4_2D_FROM_0, String.class));
        assertEquals(List.of(List.of(1, 2), List.of(3, 4)), binary(Oids.INT4_ARRAY, INT4_2D_FROM_0, List.class));
        assertThrows(IllegalArgumentException.class, () -> binary(Oids.INT4_ARRAY, INT4_2D_FROM_0, Integer[].class));
    }

    @Test
    void threeDimensionalTextArraysWithNullsAndQuoting() {
        String text = "{{{a,\"b c\"},{NULL,\"NULL\"}},{{\"q\\\"uote\",\"back\\\\slash\"},{\"\",\"{}\"}}}";
        String[][][] value = text(Oids.TEXT_ARRAY, text, String[][][].class);
        assertArrayEquals(new String[][][] {{{"a", "b c"}, {null, "NULL"}}, {{"q\"uote", "back\\slash"}, {"", "{}"}}}, value);
        assertEquals(text, Wire.text(Oids.TEXT_ARRAY, text, String.class));
        assertEquals(text, registry.encoder(String[][][].class).text(value));
    }

    @Test
    void emptyArraysHaveNoDimensions() {
        assertArrayEquals(new Integer[0], (Integer[]) binary(Oids.INT4_ARRAY, "00000000 00000000 00000017"));
        assertArrayEquals(new Integer[0], (Integer[]) text(Oids.INT4_ARRAY, "{}"));
        assertEquals(List.of(), text(Oids.INT4_ARRAY, "{}", List.class));
        assertEquals("000000000000000000000017", encode(new Integer[0]));
    }

    @Test
    void elementsOfEveryTypeReadThroughTheirCodecs() {
        assertArrayEquals(new LocalDate[] {LocalDate.of(2000, 1, 1), LocalDate.MAX},
                (LocalDate[]) text(Oids.DATE_ARRAY, "{2000-01-01,infinity}"));
        assertArrayEquals(new Short[] {1, 2}, (Short[]) text(Oids.INT2VECTOR, "1 2"));
        assertArrayEquals(new Long[] {26L, 23L}, (Long[]) binary(Oids.OIDVECTOR,
                "00000001 00000000 0000001a 00000002 00000000 00000004 0000001a 00000004 00000017"));
    }

    @Test
    void javaArraysBindInBinaryAsTheElementsArrayType() {
        assertEquals(Oids.INT4_ARRAY, registry.encoder(Integer[].class).oid(new Integer[] {1}));
        assertEquals(Format.BINARY, registry.encoder(Integer[].class).format(new Integer[] {1}));
        assertEquals(INT4_1_2_NULL.replace(" ", ""), encode(new Integer[] {1, 2, null}));
        assertEquals(INT4_1_2_NULL.replace(" ", ""), encode(Arrays.asList(1, 2, null)));
        assertEquals("00000002000000000000001700000002000000010000000200000001"
                + "00000004000000010000000400000002000000040000000300000004" + "00000004", encode(new int[][] {{1, 2}, {3, 4}}));
        assertEquals(INT4_2D_FROM_0.replace(" ", ""),
                encode(new PgArray(Oids.INT4, List.of(2, 2), List.of(0, 1), List.of(1, 2, 3, 4))));
        assertEquals(Oids.INT8_ARRAY, registry.nullOid(long[].class));
        assertEquals(Oids.DATE_ARRAY, registry.nullOid(LocalDate[].class));
        assertEquals(Oids.BYTEA_ARRAY, registry.encoder(byte[][].class).oid(new byte[][] {{1}}));
    }

    @Test
    void stringArraysBindAsUntypedText() {
        ParameterEncoder encoder = registry.encoder(String[].class);
        String[] value = {"a", "b c", null, "NULL", ""};
        assertEquals(Oids.UNSPECIFIED, encoder.oid(value));
        assertEquals(Format.TEXT, encoder.format(value));
        assertEquals("{a,\"b c\",NULL,\"NULL\",\"\"}", encoder.text(value));
        assertEquals(0, registry.nullOid(String[].class));
    }

    @Test
    void raggedOrMixedArraysRefuseToBind() {
        assertThrows(IllegalArgumentException.class, () -> encode(new Integer[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> encode(new Object[] {1, 2L}));
    }
}
