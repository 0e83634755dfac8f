// Byte-vector tests of numeric, as numeric_send writes it and numeric_recv reads it.
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

class NumericCodecTest {

    @Test
    void readsBase10000DigitsWithWeightAndScale() {
        // 12345.678: digits 1, 2345, 6780; weight 1; dscale 3
        assertEquals(new BigDecimal("12345.678"), binary(Oids.NUMERIC, "0003 0001 0000 0003 0001 0929 1a7c"));
        // -0.0001: one digit 1 of weight -1
        assertEquals(new BigDecimal("-0.0001"), binary(Oids.NUMERIC, "0001 ffff 4000 0004 0001"));
        // 0.00: no digits, dscale 2
        assertEquals(new BigDecimal("0.00"), binary(Oids.NUMERIC, "0000 0000 0000 0002"));
        // 1000000: digit 100 of weight 1, trailing zero digit dropped
        assertEquals(new BigDecimal("1000000"), binary(Oids.NUMERIC, "0001 0001 0000 0000 0064"));
    }

    @Test
    void writesWhatNumericSendWrites() {
        assertEquals("0003000100000003000109291a7c", encode(new BigDecimal("12345.678")));
        assertEquals("0001ffff400000040001", encode(new BigDecimal("-0.0001")));
        assertEquals("0000000000000002", encode(new BigDecimal("0.00")));
        assertEquals("00010001000000000064", encode(new BigDecimal("1E+6")));
        assertEquals("00010001000000000064", encode(BigInteger.valueOf(1_000_000)));
        assertEquals("000100000000000003e8", encode(new BigDecimal("1000")));
    }

    @Test
    void thousandDigitNumericsRoundTripInBothFormats() {
        // 10^999: one digit 1000 of weight 249
        assertEquals("000100f90000000003e8", encode(BigInteger.TEN.pow(999)));
        assertEquals(new BigDecimal(BigInteger.TEN.pow(999)), binary(Oids.NUMERIC, "0001 00f9 0000 0000 03e8"));

        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            digits.append((char) ('1' + i % 9));
        }
        BigDecimal big = new BigDecimal(digits.substring(0, 600) + "." + digits.substring(600));
        String hex = encode(big);
        assertEquals(big, binary(Oids.NUMERIC, hex, BigDecimal.class));
        assertEquals(big.toPlainString(), binary(Oids.NUMERIC, hex, String.class));
        assertEquals(big, text(Oids.NUMERIC, big.toPlainString()));
    }

    @Test
    void specialValuesReadAsDoubleAndRefuseBigDecimal() {
        assertTrue(Double.isNaN(binary(Oids.NUMERIC, "0000 0000 c000 0000", Double.class)));
        assertEquals(Double.POSITIVE_INFINITY, binary(Oids.NUMERIC, "0000 0000 d000 0000", Double.class));
        assertEquals(Double.NEGATIVE_INFINITY, binary(Oids.NUMERIC, "0000 0000 f000 0000", Double.class));
        assertEquals(Double.NEGATIVE_INFINITY, text(Oids.NUMERIC, "-Infinity", Double.class));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> binary(Oids.NUMERIC, "0000 0000 c000 0000"));
        assertTrue(e.getMessage().contains("BigDecimal"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> text(Oids.NUMERIC, "NaN", BigDecimal.class));
        assertEquals("NaN", binary(Oids.NUMERIC, "0000 0000 c000 0000", String.class));
        assertEquals("Infinity", binary(Oids.NUMERIC, "0000 0000 d000 0000", String.class));
    }

    @Test
    void integralNumericReadsAsLongAndFractionRefuses() {
        assertEquals(1_000_000L, binary(Oids.NUMERIC, "0001 0001 0000 0000 0064", Long.class));
        assertEquals(1_000_000, binary(Oids.NUMERIC, "0001 0001 0000 0000 0064", Integer.class));
        assertThrows(IllegalArgumentException.class, () -> binary(Oids.NUMERIC, "0001 ffff 4000 0004 0001", Long.class));
        assertEquals(-0.0001, binary(Oids.NUMERIC, "0001 ffff 4000 0004 0001", Double.class));
    }
}
