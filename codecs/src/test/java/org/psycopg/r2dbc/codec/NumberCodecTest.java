// Byte-vector tests of the integer and floating-point types and their conversions.
package org.psycopg.r2dbc.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.psycopg.r2dbc.codec.Wire.binary;
import static org.psycopg.r2dbc.codec.Wire.encode;
import static org.psycopg.r2dbc.codec.Wire.text;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class NumberCodecTest {

    private final CodecRegistry registry = CodecRegistry.defaults();

    @Test
    void integersReadInBothFormatsAtTheirLimits() {
        assertEquals((Object) (short) -32768, binary(Oids.INT2, "8000"));
        assertEquals((Object) (short) 32767, text(Oids.INT2, "32767"));
        assertEquals((Object) Integer.MIN_VALUE, binary(Oids.INT4, "80000000"));
        assertEquals(42, binary(Oids.INT4, "0000002a", Integer.class));
        assertEquals(-42, text(Oids.INT4, "-42", Integer.class));
        assertEquals((Object) Long.MAX_VALUE, binary(Oids.INT8, "7fffffffffffffff"));
        assertEquals((Object) Long.MIN_VALUE, text(Oids.INT8, "-9223372036854775808"));
    }

    @Test
    void oidReadsAsUnsignedLong() {
        assertEquals((Object) 4294967295L, binary(Oids.OID, "ffffffff"));
        assertEquals((Object) 4294967295L, text(Oids.OID, "4294967295"));
        assertEquals(Long.class, registry.javaType(Oids.OID));
    }

    @Test
    void integerTypesConvertWhenTheValueFits() {
        assertEquals(42L, binary(Oids.INT4, "0000002a", Long.class));
        assertEquals(42L, binary(Oids.INT4, "0000002a", long.class));
        assertEquals(7, binary(Oids.INT8, "0000000000000007", Integer.class));
        assertEquals((Object) (short) 7, binary(Oids.INT8, "0000000000000007", Short.class));
        assertEquals((byte) 7, binary(Oids.INT2, "0007", Byte.class));
        assertEquals(BigInteger.valueOf(7), binary(Oids.INT4, "00000007", BigInteger.class));
        assertEquals(new BigDecimal(7), binary(Oids.INT4, "00000007", BigDecimal.class));
        assertEquals(7.0, binary(Oids.INT4, "00000007", Double.class));
        assertEquals(42, binary(Oids.INT4, "0000002a", Number.class));
    }

    @Test
    void integerThatDoesNotFitThrowsNamingTheClass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> binary(Oids.INT8, "0000000100000000", Integer.class));
        assertTrue(e.getMessage().contains("java.lang.Integer"), e.getMessage());
    }

    @Test
    void floatsReadSpecialValuesInBothFormats() {
        assertEquals((Object) 1.5f, binary(Oids.FLOAT4, "3fc00000"));
        assertTrue(Float.isNaN(binary(Oids.FLOAT4, "7fc00000", Float.class)));
        assertEquals((Object) Double.POSITIVE_INFINITY, binary(Oids.FLOAT8, "7ff0000000000000"));
        assertEquals((Object) Double.NEGATIVE_INFINITY, binary(Oids.FLOAT8, "fff0000000000000"));
        assertTrue(Double.isNaN(text(Oids.FLOAT8, "NaN", Double.class)));
        assertEquals(Double.NEGATIVE_INFINITY, text(Oids.FLOAT8, "-Infinity", Double.class));
        assertEquals(1e100, text(Oids.FLOAT8, "1e+100", Double.class));
        assertEquals(Double.MIN_VALUE, text(Oids.FLOAT8, "5e-324", Double.class));
        assertEquals(Float.MAX_VALUE, text(Oids.FLOAT4, "3.4028235e+38", Float.class));
    }

    @Test
    void floatsReadAsStringInBinaryAsFloat8outWritesThem() {
        assertEquals("1e+100", binary(Oids.FLOAT8, "54b249ad2594c37d", String.class));
        assertEquals("0.1", binary(Oids.FLOAT8, "3fb999999999999a", String.class));
        assertEquals("100", binary(Oids.FLOAT8, "4059000000000000", String.class));
        assertEquals("1e+15", binary(Oids.FLOAT8, "430c6bf526340000", String.class));
        assertEquals("NaN", binary(Oids.FLOAT8, "7ff8000000000000", String.class));
        assertEquals("-Infinity", binary(Oids.FLOAT8, "fff0000000000000", String.class));
        assertEquals("1e+06", binary(Oids.FLOAT4, "49742400", String.class));
        assertEquals("1.5e-05", binary(Oids.FLOAT8, "3eef75104d551d69", String.class));
    }

    @Test
    void javaNumbersBindAsTheirTypes() {
        assertEquals("0001", encode((short) 1));
        assertEquals("fffe", encode((byte) -2));
        assertEquals("0000002a", encode(42));
        assertEquals("8000000000000000", encode(Long.MIN_VALUE));
        assertEquals("7fc00000", encode(Float.NaN));
        assertEquals("7ff0000000000000", encode(Double.POSITIVE_INFINITY));
        assertEquals(Oids.INT2, registry.encoder(Byte.class).oid((byte) 1));
        assertEquals(Oids.INT2, registry.encoder(Short.class).oid((short) 1));
        assertEquals(Oids.INT4, registry.encoder(Integer.class).oid(1));
        assertEquals(Oids.INT8, registry.encoder(Long.class).oid(1L));
        assertEquals(Oids.FLOAT4, registry.encoder(Float.class).oid(1f));
        assertEquals(Oids.FLOAT8, registry.encoder(Double.class).oid(1d));
        assertEquals(Oids.NUMERIC, registry.encoder(BigInteger.class).oid(BigInteger.ONE));
        assertEquals(Format.BINARY, registry.encoder(Integer.class).format(1));
    }

    @Test
    void boolReadsAndBinds() {
        assertEquals((Object) true, binary(Oids.BOOL, "01"));
        assertEquals(false, binary(Oids.BOOL, "00", Boolean.class));
        assertEquals((Object) true, text(Oids.BOOL, "t"));
        assertEquals(false, text(Oids.BOOL, "f", Boolean.class));
        assertEquals("t", binary(Oids.BOOL, "01", String.class));
        assertEquals("01", encode(true));
        assertEquals(Oids.BOOL, registry.nullOid(Boolean.class));
    }
}
