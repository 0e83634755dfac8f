// Round trips of arrays against the server: dimensions, NULL elements, lower bounds, element types, both formats.
package org.psycopg.r2dbc.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.TestDatabase;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.PgArray;

class ArrayTypesTest {

    private final PsycopgConnection connection = TestDatabase.connect();
    private final ServerValues values = new ServerValues(connection);

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    @Test
    void threeDimensionalIntegerArraysWithNullsRoundTrip() {
        Integer[][][] cube = {{{1, null}, {3, 4}}, {{null, 6}, {7, Integer.MIN_VALUE}}};
        for (Integer[][][] read : values.roundTrip("int4[]", cube, Integer[][][].class)) {
            assertArrayEquals(cube, read);
        }
        for (Object read : values.read("'{{{1,NULL},{3,4}},{{NULL,6},{7,-2147483648}}}'::int4[]", Object.class)) {
            assertArrayEquals(cube, (Integer[][][]) read);
        }
    }

    @Test
    void textArraysQuoteWhatNeedsQuotingAndKeepNullApartFromTheStringNull() {
        String[] tricky = {"", "NULL", null, "a,b", "{braces}", "quote\"d", "back\\slash", " spaced ", "ü🐘"};
        for (String[] read : values.roundTrip("text[]", tricky, String[].class)) {
            assertArrayEquals(tricky, read);
        }
        assertEquals(List.of(List.of("a", "b"), List.of("a", "b")), values.read("ARRAY['a','b']", List.class));
    }

    @Test
    void nonDefaultLowerBoundsTravelInPgArray() {
        PgArray zeroBased = new PgArray(Oids.INT4, List.of(2, 2), List.of(0, -3), Arrays.asList(1, 2, null, 4));
        assertEquals(ServerValues.both(zeroBased), values.roundTrip("int4[]", zeroBased, PgArray.class));
        PgArray read = values.read("'[0:2]={10,20,30}'::int8[]", PgArray.class).get(1);
        assertEquals(List.of(0), read.lowerBounds());
        assertEquals(List.of(10L, 20L, 30L), read.elements());
    }

    @Test
    void emptyArraysAndNullArrays() {
        for (Integer[] read : values.read("'{}'::int4[]", Integer[].class)) {
            assertArrayEquals(new Integer[0], read);
        }
        assertEquals(ServerValues.both(null), values.read("NULL::int4[]", Integer[].class));
        for (int[] read : values.roundTrip("int4[]", new int[0], int[].class)) {
            assertArrayEquals(new int[0], read);
        }
    }

    @Test
    void primitiveArraysAndArraysOfOtherElementTypes() {
        for (double[] read : values.roundTrip("float8[]", new double[] {Double.NaN, -0.0, 1e308}, double[].class)) {
            assertArrayEquals(new double[] {Double.NaN, -0.0, 1e308}, read);
        }
        BigDecimal[] numerics = {new BigDecimal("1" + "0".repeat(100)), null, new BigDecimal("-0.001")};
        for (BigDecimal[] read : values.roundTrip("numeric[]", numerics, BigDecimal[].class)) {
            assertArrayEquals(numerics, read);
        }
        UUID[] uuids = {new UUID(1, 2), null};
        for (UUID[] read : values.roundTrip("uuid[]", uuids, UUID[].class)) {
            assertArrayEquals(uuids, read);
        }
        LocalDate[][] dates = {{LocalDate.MAX, LocalDate.of(2024, 2, 29)}};
        for (LocalDate[][] read : values.roundTrip("date[]", dates, LocalDate[][].class)) {
            assertArrayEquals(dates, read);
        }
        OffsetDateTime[] times = {OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)};
        for (OffsetDateTime[] read : values.roundTrip("timestamptz[]", times, OffsetDateTime[].class)) {
            assertArrayEquals(times, read);
        }
        for (Object read : values.read("ARRAY[true, NULL, false]", Object.class)) {
            assertArrayEquals(new Boolean[] {true, null, false}, (Boolean[]) read);
        }
        for (Object read : values.read("ARRAY['(1,2)'::point, NULL]", Object.class)) {
            assertEquals(2, ((Object[]) read).length);
        }
        for (Object read : values.read("ARRAY['{\"a\": 1}'::jsonb]", Object.class)) {
            assertArrayEquals(new String[] {"{\"a\": 1}"}, (String[]) read);
        }
    }
}
