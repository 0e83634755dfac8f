// Round trips of the character types, citext, bytea, uuid, xml, json/jsonb and hstore against the server, in both formats.
package org.psycopg.r2dbc.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.psycopg.r2dbc.types.ServerValues.both;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.TestDatabase;
import org.psycopg.r2dbc.codec.Json;

class CharacterTypesTest {

    private static final String UNICODE = "zß水🐘\u0301 'quoted' \"double\" back\\slash\ttab";

    private final PsycopgConnection connection = TestDatabase.connect();
    private final ServerValues values = new ServerValues(connection);

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    @Test
    void textTypesRoundTripUnicodeEmptyAndNull() {
        for (String type : List.of("text", "varchar", "varchar(100)", "bpchar", "name")) {
            assertEquals(both(UNICODE), values.roundTrip(type, UNICODE, String.class), type);
            assertEquals(both(""), values.roundTrip(type, "", String.class), type);
        }
        assertEquals(both("ab   "), values.read("'ab'::char(5)", String.class));
        assertEquals(both("x"), values.read("'x'::\"char\"", Object.class));
        assertEquals(both('x'), values.read("'x'::\"char\"", Character.class));
        assertEquals(both("水"), values.roundTrip("text", '水', String.class));
        assertEquals(both(null), values.read("NULL::text", String.class));
    }

    @Test
    void citextRoundTripsAndComparesWithoutCase() {
        values.execute("CREATE EXTENSION IF NOT EXISTS citext");
        assertEquals(both("MiXeD Straße"), values.roundTrip("citext", "MiXeD Straße", String.class));
        assertEquals(both(true), values.read("'ABC'::citext = 'abc'::citext", Boolean.class));
        assertEquals(both("Ωmega"), values.read("'Ωmega'::citext", Object.class));
    }

    @Test
    void byteaRoundTripsEveryByteAndTheEmptyValue() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        for (byte[] read : values.roundTrip("bytea", all, byte[].class)) {
            assertArrayEquals(all, read);
        }
        for (byte[] read : values.roundTrip("bytea", new byte[0], byte[].class)) {
            assertArrayEquals(new byte[0], read);
        }
        assertEquals(both(ByteBuffer.wrap(new byte[] {0, 1, -1})), values.read("'\\x0001ff'::bytea", Object.class));
        values.execute("SET bytea_output = 'escape'");
        for (byte[] read : values.read("'\\x00015cff'::bytea", byte[].class)) {
            assertArrayEquals(new byte[] {0, 1, 0x5c, -1}, read);
        }
    }

    @Test
    void uuidRoundTrips() {
        UUID uuid = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertEquals(both(uuid), values.roundTrip("uuid", uuid, UUID.class));
        assertEquals(both(new UUID(-1, -1)), values.read("'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid", Object.class));
    }

    @Test
    void xmlReadsAsItsText() {
        String document = "<a b=\"1\">ü &amp; <c/></a>";
        assertEquals(both(document), values.roundTrip("xml", document, String.class));
        assertEquals(both(document), values.read("xmlparse(content '" + document + "')", Object.class));
    }

    @Test
    void jsonAndJsonbRoundTripAsJsonAndString() {
        String text = "{\"k\": [1, 2.5, null, true, \"ü🐘\"]}";
        assertEquals(both(text), values.roundTrip("json", text, String.class));
        assertEquals(both(Json.of(text)), values.roundTrip("jsonb", Json.of(text), Json.class));
        assertEquals(both("{\"a\": 1, \"b\": 2}"), values.read("'{\"b\":2,\"a\":1}'::jsonb", Object.class));
        assertEquals(both(Json.of("[]")), values.read("'[]'::json", Json.class));
        assertEquals(both("$.\"a\"[*]?(@ > 1)"), values.read("'$.a[*] ? (@ > 1)'::jsonpath", String.class));
    }

    @Test
    void hstoreReadsAsAMapAndBindsFromOne() {
        values.execute("CREATE EXTENSION IF NOT EXISTS hstore");
        Map<String, String> map = new LinkedHashMap<>();
        map.put("a", "1");
        map.put("quote\"d", "back\\slash");
        map.put("null", null);
        map.put("ü", "");
        assertEquals(both(map), values.roundTrip("hstore", map, Map.class));
        assertEquals(both(Map.of()), values.read("''::hstore", Map.class));
        assertEquals(both(Map.of("k", "v")), values.read("'k=>v'::hstore", Object.class));
    }
}
