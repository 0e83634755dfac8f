// Byte-vector tests of json/jsonb, xml, inet/cidr, macaddr, bit strings, pg_lsn, money and geometry.
package org.psycopg.r2dbc.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.psycopg.r2dbc.codec.Wire.binary;
import static org.psycopg.r2dbc.codec.Wire.encode;
import static org.psycopg.r2dbc.codec.Wire.text;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class ValueTypesTest {

    private final CodecRegistry registry = CodecRegistry.defaults();

    @Test
    void jsonReadsAsStringByDefaultAndJsonOnRequest() throws Exception {
        assertEquals("{\"a\": 1}", binary(Oids.JSON, "7b2261223a20317d"));
        assertEquals("{\"a\": 1}", binary(Oids.JSONB, "01 7b2261223a20317d"));
        assertEquals(new Json("{\"a\": 1}"), binary(Oids.JSONB, "01 7b2261223a20317d", Json.class));
        assertEquals(new Json("[]"), text(Oids.JSON, "[]", Json.class));
        assertEquals("$.\"a\"", binary(Oids.JSONPATH, "01 242e226122"));
        assertThrows(IllegalArgumentException.class, () -> binary(Oids.JSONB, "02 7b7d"));
        assertEquals("017b7d", encode(Json.of("{}")));
        assertEquals(Oids.JSONB, registry.encoder(Json.class).oid(Json.of("{}")));
        assertEquals("<a>é</a>", binary(Oids.XML, "3c613ec3a93c2f613e"));
    }

    @Test
    void inetAndCidrReadFamilyBitsAndAddress() throws Exception {
        Inet net = new Inet(InetAddress.getByName("192.168.0.1"), 24);
        assertEquals(net, binary(Oids.INET, "02 18 00 04 c0a80001"));
        assertEquals(net, text(Oids.INET, "192.168.0.1/24"));
        assertEquals("02180004c0a80001", encode(net));
        assertEquals(new Inet(InetAddress.getByName("10.0.0.0"), 8), binary(Oids.CIDR, "02 08 01 04 0a000000"));
        assertEquals("10.0.0.0/8", binary(Oids.CIDR, "02 08 01 04 0a000000", String.class));
        Inet loopback6 = Inet.of(InetAddress.getByName("::1"));
        assertEquals(loopback6, binary(Oids.INET, "03 80 00 10 00000000000000000000000000000001"));
        assertEquals("::1", loopback6.toString());
        assertEquals(InetAddress.getByName("192.168.0.1"), binary(Oids.INET, "02 18 00 04 c0a80001", InetAddress.class));
        assertEquals("0220000401020304", encode(InetAddress.getByName("1.2.3.4")));
        assertEquals(16, Inet.parse("::ffff:1.2.3.4").address().getAddress().length);
    }

    @Test
    void macAddressesOfSixAndEightBytes() {
        MacAddress mac = MacAddress.parse("08:00:2b:01:02:03");
        assertEquals(mac, binary(Oids.MACADDR, "08002b010203"));
        assertEquals(mac, text(Oids.MACADDR, "08:00:2b:01:02:03"));
        assertEquals("08:00:2b:01:02:03", mac.toString());
        MacAddress mac8 = binary(Oids.MACADDR8, "08002b0102030405", MacAddress.class);
        assertEquals("08:00:2b:01:02:03:04:05", mac8.toString());
        assertEquals(Oids.MACADDR8, registry.encoder(MacAddress.class).oid(mac8));
        assertEquals(Oids.MACADDR, registry.encoder(MacAddress.class).oid(mac));
        assertEquals("08002b010203", encode(mac));
    }

    @Test
    void bitStringsCountBitsThenPackThem() {
        BitString bits = BitString.parse("10101");
        assertEquals(bits, binary(Oids.VARBIT, "00000005 a8"));
        assertEquals(bits, text(Oids.BIT, "10101"));
        assertEquals("00000005a8", encode(bits));
        assertEquals(BitString.parse(""), binary(Oids.VARBIT, "00000000"));
        assertEquals("10101", binary(Oids.BIT, "00000005 a8", String.class));
        assertThrows(IllegalArgumentException.class, () -> binary(Oids.VARBIT, "00000005 a9"));
    }

    @Test
    void lsnIsAnUnsigned64BitPosition() {
        Lsn lsn = Lsn.parse("16/B374D848");
        assertEquals(lsn, binary(Oids.PG_LSN, "00000016b374d848"));
        assertEquals(lsn, text(Oids.PG_LSN, "16/B374D848"));
        assertEquals("16/B374D848", lsn.toString());
        assertEquals("00000016b374d848", encode(lsn));
        assertEquals("FFFFFFFF/FFFFFFFF", new Lsn(-1).toString());
        assertEquals(1, new Lsn(-1).compareTo(lsn));
    }

    @Test
    void moneyCountsHundredths() {
        assertEquals(new BigDecimal("1234.56"), binary(Oids.MONEY, "000000000001e240"));
        assertEquals(new BigDecimal("-1234.56"), text(Oids.MONEY, "-$1,234.56"));
        assertEquals(new BigDecimal("-1.00"), text(Oids.MONEY, "($1.00)"));
        assertEquals(1234.56, binary(Oids.MONEY, "000000000001e240", Double.class));
    }

    @Test
    void oidsAndTransactionIdsReadAsLong() {
        assertEquals(4294967295L, (long) binary(Oids.XID, "ffffffff", Long.class));
        assertEquals(5L, (long) text(Oids.XID8, "5", Long.class));
        assertEquals(Long.class, registry.javaType(Oids.CID));
    }

    @Test
    void geometricTypesInBothFormats() {
        Point p = new Point(1.5, -2);
        assertEquals(p, binary(Oids.POINT, "3ff8000000000000 c000000000000000"));
        assertEquals(p, text(Oids.POINT, "(1.5,-2)"));
        assertEquals("(1.5,-2)", binary(Oids.POINT, "3ff8000000000000 c000000000000000", String.class));
        assertEquals("3ff8000000000000c000000000000000", encode(p));
        assertEquals(new Line(1, 1.5, -2), text(Oids.LINE, "{1,1.5,-2}"));
        assertEquals(new LineSegment(new Point(1.5, -2), new Point(3, 4)), text(Oids.LSEG, "[(1.5,-2),(3,4)]"));
        Box box = new Box(new Point(3, 4), new Point(1.5, -2));
        assertEquals(box, binary(Oids.BOX, "4008000000000000 4010000000000000 3ff8000000000000 c000000000000000"));
        assertEquals(box, text(Oids.BOX, "(3,4),(1.5,-2)"));
        Path open = new Path(List.of(new Point(3, 4), new Point(1.5, -2)), false);
        assertEquals(open, binary(Oids.PATH, "00 00000002 4008000000000000 4010000000000000 3ff8000000000000 c000000000000000"));
        assertEquals(open, text(Oids.PATH, "[(3,4),(1.5,-2)]"));
        assertEquals(new Path(open.points(), true), text(Oids.PATH, "((3,4),(1.5,-2))"));
        assertEquals("((3,4),(1.5,-2))", registry.encoder(Path.class).text(new Path(open.points(), true)));
        Polygon polygon = new Polygon(open.points());
        assertEquals(polygon, binary(Oids.POLYGON, "00000002 4008000000000000 4010000000000000 3ff8000000000000 c000000000000000"));
        assertEquals("000000024008000000000000401000000000000" + "03ff8000000000000c000000000000000", encode(polygon));
        Circle circle = new Circle(new Point(3, 4), 0.5);
        assertEquals(circle, binary(Oids.CIRCLE, "4008000000000000 4010000000000000 3fe0000000000000"));
        assertEquals(circle, text(Oids.CIRCLE, "<(3,4),0.5>"));
        assertEquals("<(3,4),0.5>", registry.encoder(Circle.class).text(circle));
        assertEquals(new Point(Double.NaN, Double.POSITIVE_INFINITY), text(Oids.POINT, "(NaN,Infinity)"));
    }
}
