// Round trips of inet/cidr, macaddr, bit strings, geometric types, pg_lsn and text search types against the server.
package org.psycopg.r2dbc.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.psycopg.r2dbc.types.ServerValues.both;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.TestDatabase;
import org.psycopg.r2dbc.codec.BitString;
import org.psycopg.r2dbc.codec.Box;
import org.psycopg.r2dbc.codec.Circle;
import org.psycopg.r2dbc.codec.Inet;
import org.psycopg.r2dbc.codec.Line;
import org.psycopg.r2dbc.codec.LineSegment;
import org.psycopg.r2dbc.codec.Lsn;
import org.psycopg.r2dbc.codec.MacAddress;
import org.psycopg.r2dbc.codec.Path;
import org.psycopg.r2dbc.codec.Point;
import org.psycopg.r2dbc.codec.Polygon;

class NetworkGeometricTypesTest {

    private final PsycopgConnection connection = TestDatabase.connect();
    private final ServerValues values = new ServerValues(connection);

    @AfterEach
    void close() {
        connection.close().block(TestDatabase.TIMEOUT);
    }

    @Test
    void inetAndCidrRoundTripV4V6AndNetmasks() throws Exception {
        Inet host = Inet.parse("192.168.0.1");
        assertEquals(both(host), values.roundTrip("inet", host, Inet.class));
        Inet v6 = Inet.parse("2001:db8::1/64");
        assertEquals(both(v6), values.roundTrip("inet", v6, Inet.class));
        assertEquals(both(Inet.parse("10.0.0.0/8")), values.read("'10/8'::cidr", Object.class));
        // An IPv4-mapped address stays IPv6, as PostgreSQL keeps its family.
        InetAddress mapped = Inet6Address.getByAddress(null, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 1, 2, 3, 4}, -1);
        assertEquals(both(mapped), values.read("'::ffff:1.2.3.4'::inet", InetAddress.class));
        assertEquals(both(Inet.parse("127.0.0.1")), values.roundTrip("inet", InetAddress.getByName("127.0.0.1"), Inet.class));
    }

    @Test
    void macaddrAndMacaddr8RoundTrip() {
        MacAddress six = MacAddress.parse("08:00:2b:01:02:03");
        assertEquals(both(six), values.roundTrip("macaddr", six, MacAddress.class));
        MacAddress eight = MacAddress.parse("08:00:2b:01:02:03:04:05");
        assertEquals(both(eight), values.roundTrip("macaddr8", eight, MacAddress.class));
        assertEquals(both(MacAddress.parse("08:00:2b:ff:fe:01:02:03")), values.read("'08:00:2b:01:02:03'::macaddr8", Object.class));
    }

    @Test
    void bitStringsRoundTripAnyLengthIncludingEmpty() {
        BitString odd = BitString.parse("1011001");
        assertEquals(both(odd), values.roundTrip("varbit", odd, BitString.class));
        assertEquals(both(BitString.parse("")), values.roundTrip("varbit", BitString.parse(""), BitString.class));
        assertEquals(both(BitString.parse("00000001")), values.read("B'00000001'::bit(8)", Object.class));
        BitString long1 = BitString.parse("10".repeat(100) + "1");
        assertEquals(both(long1), values.roundTrip("bit(201)", long1, BitString.class));
    }

    @Test
    void geometricTypesRoundTrip() {
        Point p = new Point(1.5, -2.25);
        assertEquals(both(p), values.roundTrip("point", p, Point.class));
        assertEquals(both(new Line(1, -1, 0)), values.read("'{1,-1,0}'::line", Object.class));
        LineSegment segment = new LineSegment(new Point(0, 0), new Point(1, 1));
        assertEquals(both(segment), values.roundTrip("lseg", segment, LineSegment.class));
        assertEquals(both(new Box(new Point(2, 2), new Point(0, 0))), values.read("'((0,0),(2,2))'::box", Object.class));
        Path open = new Path(List.of(new Point(0, 0), new Point(1, 1), new Point(2, 0)), false);
        assertEquals(both(open), values.roundTrip("path", open, Path.class));
        assertEquals(both(new Path(List.of(new Point(0, 0), new Point(1, 1)), true)), values.read("'((0,0),(1,1))'::path", Object.class));
        Polygon triangle = new Polygon(List.of(new Point(0, 0), new Point(1, 1), new Point(2, 0)));
        assertEquals(both(triangle), values.roundTrip("polygon", triangle, Polygon.class));
        Circle circle = new Circle(new Point(1, 2), 3.5);
        assertEquals(both(circle), values.roundTrip("circle", circle, Circle.class));
        assertEquals(both(new Point(Double.NaN, Double.POSITIVE_INFINITY)), values.read("'(NaN,Infinity)'::point", Point.class));
    }

    @Test
    void pgLsnRoundTripsItsWholeRange() {
        Lsn top = new Lsn(-1);
        assertEquals(both(top), values.roundTrip("pg_lsn", top, Lsn.class));
        assertEquals(both(new Lsn(0x16B374D848L)), values.read("'16/B374D848'::pg_lsn", Object.class));
    }

    @Test
    void textSearchTypesReadAsTheirText() {
        assertEquals(both("'a':1 'cat':2 'fat':3"), values.read("to_tsvector('simple', 'a cat fat')", Object.class));
        assertEquals(both("'fat' & ( 'rat' | 'cat' )"), values.read("'fat & (rat | cat)'::tsquery", String.class));
    }
}
