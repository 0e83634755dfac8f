// Round trips of bool, the integers, oid, the floats, numeric and money against the server, in both formats.
package org.psycopg.r2dbc.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.psycopg.r2dbc.types.ServerValues.both;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.TestDatabase;

class NumericTypesTest {

    private final PsycopgConnection connection = TestDatabase.connect();
    private final ServerValues values = new ServerValues(connection);

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    @Test
    void boolRoundTripsBothValuesAndNull() {
        assertEquals(both(true), values.roundTrip("bool", true, Boolean.class));
        assertEquals(both(false), values.roundTrip("bool", false, Boolean.class));
        assertEquals(both(null), values.read("NULL::bool", Boolean.class));
        assertEquals(both(true), values.read("'yes'::bool", Object.class));
    }

    @Test
    void integersRoundTripTheirMinimaAndMaxima() {
        for (short s : new short[] {Short.MIN_VALUE, -1, 0, Short.MAX_VALUE}) {
            assertEquals(both(s), values.roundTrip("int2", s, Short.class));
        }
        for (int i : new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE}) {
            assertEquals(both(i), values.roundTrip("int4", i, Integer.class));
        }
        for (long l : new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE}) {
            assertEquals(both(l), values.roundTrip("int8", l, Long.class));
        }
        assertEquals(both((short) -32768), values.read("(-32768)::int2", Object.class));
        assertEquals(both(Long.MIN_VALUE), values.read("(-9223372036854775808)::int8", Object.class));
        assertEquals(both(BigInteger.valueOf(Long.MAX_VALUE)), values.read("9223372036854775807::int8", BigInteger.class));
        assertEquals(both(4294967295L), values.read("4294967295::oid", Object.class));
    }

    @Test
    void anIntegerReadAsASmallerClassThatCannotHoldItFails() {
        assertThrows(IllegalArgumentException.class, () -> values.read("70000::int4", Short.class));
    }

    @Test
    void floatsRoundTripNanInfinitiesExtremesAndNegativeZero() {
        for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
                Double.MAX_VALUE, -0.0, 0.1, 1e-300}) {
            assertEquals(both(d), values.roundTrip("float8", d, Double.class), Double.toString(d));
        }
        for (float f : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MAX_VALUE, 0.1f}) {
            assertEquals(both(f), values.roundTrip("float4", f, Float.class), Float.toString(f));
        }
        assertEquals(both(Double.NaN), values.read("'NaN'::float8", Double.class));
        assertEquals(both(Float.NEGATIVE_INFINITY), values.read("'-Infinity'::float4", Object.class));
    }

    @Test
    void numericRoundTripsAThousandDigitsAndExtremeScales() {
        BigDecimal thousand = new BigDecimal(new BigInteger("9".repeat(500) + "1".repeat(500)), 500);
        assertEquals(both(thousand), values.roundTrip("numeric", thousand, BigDecimal.class));
        assertEquals(both(thousand.negate()), values.roundTrip("numeric", thousand.negate(), BigDecimal.class));
        BigDecimal tiny = new BigDecimal("1e-16383");
        assertEquals(both(tiny), values.roundTrip("numeric", tiny, BigDecimal.class));
        assertEquals(both(new BigDecimal("0.000")), values.read("0.000::numeric", Object.class));
        assertEquals(both(new BigDecimal("1.50")), values.read("1.5::numeric(10,2)", BigDecimal.class));
        assertEquals(both(new BigDecimal("123456789012345678901234567890")),
                values.roundTrip("numeric", new BigInteger("123456789012345678901234567890"), BigDecimal.class));
        assertEquals(both(new BigDecimal("1e+1000").toBigInteger()), values.read("1e1000::numeric", BigInteger.class));
    }

    @Test
    void numericNanAndInfinitiesReadAsDoubleAndFailClearlyAsBigDecimal() {
        assertEquals(both(Double.NaN), values.read("'NaN'::numeric", Double.class));
        assertEquals(both(Double.POSITIVE_INFINITY), values.read("'Infinity'::numeric", Double.class));
        assertEquals(both(Double.NEGATIVE_INFINITY), values.read("'-Infinity'::numeric", Double.class));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> values.read("'NaN'::numeric", Object.class));
        assertEquals(true, e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void moneyReadsAsBigDecimalInCents() {
        assertEquals(both(new BigDecimal("-92233720368547758.08")), values.read("'-92233720368547758.08'::money", Object.class));
        assertEquals(both(new BigDecimal("12.30")), values.roundTrip("money", new BigDecimal("12.3"), BigDecimal.class));
    }
}
