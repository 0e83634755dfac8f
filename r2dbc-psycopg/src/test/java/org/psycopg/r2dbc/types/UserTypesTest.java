// User-defined enums, composites, domains and ranges against the server, learnt from pg_type without configuration.
package org.psycopg.r2dbc.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.psycopg.r2dbc.types.ServerValues.both;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.PsycopgConnectionFactory;
import org.psycopg.r2dbc.TestDatabase;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Multirange;
import org.psycopg.r2dbc.codec.Range;
import org.psycopg.r2dbc.codec.builtin.BuiltinCodecs;

class UserTypesTest {

    enum Mood { SAD, OK, happy }

    record Pair(Integer x, String label) {
    }

    record Nested(Pair pair, BigDecimal[] amounts) {
    }

    private final PsycopgConnection connection = new PsycopgConnectionFactory(TestDatabase.configuration()
            .codecs(CodecRegistry.builder().addAll(CodecRegistry.defaults())
                    .add(BuiltinCodecs.composite("user_types_pair", Pair.class))
                    .add(BuiltinCodecs.composite("user_types_nested", Nested.class))
                    .build())
            .build()).create().block(TestDatabase.TIMEOUT);
    private final ServerValues values = new ServerValues(connection);

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    @Test
    void anEnumReadsAsStringOrAsAJavaEnumAndBindsFromBoth() {
        values.execute("DROP TYPE IF EXISTS user_types_mood CASCADE");
        values.execute("CREATE TYPE user_types_mood AS ENUM ('SAD', 'OK', 'happy', 'ünï')");
        assertEquals(both("ünï"), values.roundTrip("user_types_mood", "ünï", Object.class));
        assertEquals(both(Mood.happy), values.roundTrip("user_types_mood", Mood.happy, Mood.class));
        assertEquals(both("SAD"), values.roundTrip("user_types_mood", Mood.SAD, String.class));
        for (Mood[] read : values.read("ARRAY['OK', NULL]::user_types_mood[]", Mood[].class)) {
            assertArrayEquals(new Mood[] {Mood.OK, null}, read);
        }
    }

    @Test
    void aCompositeReadsAsObjectArrayAndAsARegisteredRecord() {
        values.execute("DROP TYPE IF EXISTS user_types_nested, user_types_pair CASCADE");
        values.execute("CREATE TYPE user_types_pair AS (x int, label text)");
        values.execute("CREATE TYPE user_types_nested AS (pair user_types_pair, amounts numeric[])");
        Pair pair = new Pair(3, "a \"quoted\", (parenthesised) ü");
        assertEquals(both(pair), values.roundTrip("user_types_pair", pair, Pair.class));
        assertEquals(both(new Pair(null, "")), values.read("ROW(NULL, '')::user_types_pair", Object.class));
        for (Object[] read : values.read("ROW(7, NULL)::user_types_pair", Object[].class)) {
            assertArrayEquals(new Object[] {7, null}, read);
        }
        for (Nested read : values.read("ROW(ROW(1, 'one'), '{1.5,NULL}')::user_types_nested", Nested.class)) {
            assertEquals(new Pair(1, "one"), read.pair());
            assertArrayEquals(new BigDecimal[] {new BigDecimal("1.5"), null}, read.amounts());
        }
        // An anonymous record carries its fields' types in binary only: in text, every field is text.
        List<Object[]> anonymous = values.read("ROW(1, 'x')", Object[].class);
        assertEquals(List.of(1, "x"), List.of(anonymous.get(0)));
        assertEquals(List.of("1", "x"), List.of(anonymous.get(1)));
    }

    @Test
    void aDomainReadsAsItsBaseTypeIncludingArraysAndDomainsOverDomains() {
        values.execute("DROP DOMAIN IF EXISTS user_types_small, user_types_positive, user_types_email CASCADE");
        values.execute("CREATE DOMAIN user_types_positive AS int CHECK (VALUE > 0)");
        values.execute("CREATE DOMAIN user_types_small AS user_types_positive CHECK (VALUE < 100)");
        values.execute("CREATE DOMAIN user_types_email AS text CHECK (VALUE LIKE '%@%')");
        assertEquals(both(5), values.roundTrip("user_types_positive", 5, Object.class));
        assertEquals(both(99), values.read("99::user_types_small", Object.class));
        assertEquals(both("a@b"), values.roundTrip("user_types_email", "a@b", Object.class));
        for (Object read : values.read("ARRAY[1, 2]::user_types_positive[]", Object.class)) {
            assertArrayEquals(new Integer[] {1, 2}, (Integer[]) read);
        }
    }

    @Test
    void aUserRangeAndItsMultirangeReadAsRangesOfTheSubtype() {
        values.execute("DROP TYPE IF EXISTS user_types_floatrange CASCADE");
        values.execute("CREATE TYPE user_types_floatrange AS RANGE (subtype = float8, multirange_type_name = user_types_floatmultirange)");
        assertEquals(both(Range.closedOpen(1.5, Double.POSITIVE_INFINITY)), values.read("'[1.5,Infinity)'::user_types_floatrange", Object.class));
        assertEquals(both(Range.open(-1.0, 2.0)), values.roundTrip("user_types_floatrange", Range.open(-1.0, 2.0), Range.class));
        assertEquals(both("{[1,2]}"), values.read("'{[1,2]}'::user_types_floatmultirange", String.class));
        assertEquals(both(Multirange.of(Range.closed(1.0, 2.0), Range.closedOpen(3.0, 4.0))),
                values.read("'{[1,2], [3,4)}'::user_types_floatmultirange", Object.class));
    }
}
