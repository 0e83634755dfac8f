// Byte-vector tests of ranges and multiranges: range_send's flags and bounds, range_out's text.
package org.psycopg.r2dbc.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.psycopg.r2dbc.codec.Wire.binary;
import static org.psycopg.r2dbc.codec.Wire.encode;
import static org.psycopg.r2dbc.codec.Wire.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RangeCodecTest {

    private final CodecRegistry registry = CodecRegistry.defaults();

    /** int4range [1,5): lower inclusive (0x02), two int4 bounds. */
    private static final String INT4_1_5 = "02 00000004 00000001 00000004 00000005";

    @Test
    void rangesReadFlagsAndBounds() {
        assertEquals(Range.closedOpen(1, 5), binary(Oids.INT4RANGE, INT4_1_5));
        assertEquals(Range.closedOpen(1, 5), text(Oids.INT4RANGE, "[1,5)"));
        assertEquals(Range.empty(), binary(Oids.INT4RANGE, "01"));
        assertEquals(Range.empty(), text(Oids.INT8RANGE, "empty"));
        assertEquals(Range.open(null, 5L), binary(Oids.INT8RANGE, "08 00000008 0000000000000005"));
        assertEquals(Range.closedOpen(new BigDecimal("1.5"), null), binary(Oids.NUMRANGE, "12 0000000c 0002 0000 0000 0001 0001 1388"));
        assertEquals(Range.open(null, null), text(Oids.NUMRANGE, "(,)"));
        assertEquals(Range.class, registry.javaType(Oids.TSTZRANGE));
        assertEquals("[1,5)", binary(Oids.INT4RANGE, INT4_1_5, String.class));
    }

    @Test
    void timestampRangesQuoteTheirBounds() {
        Range<LocalDateTime> r = Range.closedOpen(LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2024, 2, 1, 0, 0));
        assertEquals(r, text(Oids.TSRANGE, "[\"2024-01-01 00:00:00\",\"2024-02-01 00:00:00\")"));
        assertEquals("[\"2024-01-01 00:00:00\",\"2024-02-01 00:00:00\")", registry.encoder(Range.class).text(r));
        assertEquals(Range.closed(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), null),
                text(Oids.TSTZRANGE, "[\"2024-01-01 05:30:00+05:30\",)"));
    }

    @Test
    void rangesBindAsTheirBoundsRangeType() {
        assertEquals(INT4_1_5.replace(" ", ""), encode(Range.closedOpen(1, 5)));
        assertEquals(Oids.INT4RANGE, registry.encoder(Range.class).oid(Range.closedOpen(1, 5)));
        assertEquals(Oids.INT8RANGE, registry.encoder(Range.class).oid(Range.closed(1L, null)));
        assertEquals(Oids.DATERANGE, registry.encoder(Range.class).oid(Range.closed(null, LocalDate.EPOCH)));
        assertEquals(Oids.UNSPECIFIED, registry.encoder(Range.class).oid(Range.empty()));
        assertEquals(Format.TEXT, registry.encoder(Range.class).format(Range.empty()));
        assertEquals("656d707479", encode(Range.empty()));
    }

    @Test
    void multirangesCountTheirRanges() {
        String hex = "00000002 00000011 02 00000004 00000001 00000004 00000003 00000011 02 00000004 00000005 00000004 00000007";
        Multirange<Integer> m = Multirange.of(Range.closedOpen(1, 3), Range.closedOpen(5, 7));
        assertEquals(m, binary(Oids.INT4MULTIRANGE, hex));
        assertEquals(m, text(Oids.INT4MULTIRANGE, "{[1,3),[5,7)}"));
        assertEquals(Multirange.of(), text(Oids.INT4MULTIRANGE, "{}"));
        assertEquals(hex.replace(" ", ""), encode(m));
        assertEquals(Oids.INT4MULTIRANGE, registry.encoder(Multirange.class).oid(m));
        assertEquals("{[1,3),[5,7)}", binary(Oids.INT4MULTIRANGE, hex, String.class));
    }
}
