// Byte-vector tests of interval: interval_send's layout and every IntervalStyle's text.
package org.psycopg.r2dbc.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.psycopg.r2dbc.codec.Wire.binary;
import static org.psycopg.r2dbc.codec.Wire.encode;
import static org.psycopg.r2dbc.codec.Wire.text;

import java.time.Duration;
import java.time.Period;

import org.junit.jupiter.api.Test;

class IntervalCodecTest {

    /** '1 year 2 mons 3 days 04:05:06.789': microseconds, then days, then months. */
    private static final String MIXED = "000000036c97ca88 00000003 0000000e";
    private static final Interval MIXED_VALUE = new Interval(14, 3, 14_706_789_000L);

    @Test
    void binaryHoldsMicrosecondsDaysMonths() {
        assertEquals(MIXED_VALUE, binary(Oids.INTERVAL, MIXED));
        assertEquals(MIXED.replace(" ", ""), encode(MIXED_VALUE));
        assertEquals(Interval.class, CodecRegistry.defaults().javaType(Oids.INTERVAL));
    }

    @Test
    void infiniteIntervalsOfPostgresql17() {
        assertEquals(Interval.POSITIVE_INFINITY, binary(Oids.INTERVAL, "7fffffffffffffff 7fffffff 7fffffff"));
        assertEquals(Interval.NEGATIVE_INFINITY, text(Oids.INTERVAL, "-infinity"));
        assertEquals("infinity", Interval.POSITIVE_INFINITY.toString());
    }

    @Test
    void postgresStyleTextBothWays() {
        assertEquals(MIXED_VALUE, text(Oids.INTERVAL, "1 year 2 mons 3 days 04:05:06.789"));
        assertEquals("1 year 2 mons 3 days 04:05:06.789", MIXED_VALUE.toString());
        Interval mixedSigns = new Interval(0, -1, 7_380_000_000L);
        assertEquals("-1 days +02:03:00", mixedSigns.toString());
        assertEquals(mixedSigns, Interval.parse("-1 days +02:03:00"));
        assertEquals("00:00:00", Interval.ZERO.toString());
        assertEquals("-00:00:01", new Interval(0, 0, -1_000_000).toString());
        assertEquals("-1 years -2 mons", new Interval(-14, 0, 0).toString());
        assertEquals("100:00:00", new Interval(0, 0, 360_000_000_000L).toString());
        assertEquals("-1 years -2 mons", binary(Oids.INTERVAL, "0000000000000000 00000000 fffffff2", String.class));
    }

    @Test
    void otherIntervalStylesParse() {
        assertEquals(MIXED_VALUE, Interval.parse("@ 1 year 2 mons 3 days 4 hours 5 mins 6.789 secs"));
        assertEquals(new Interval(-14, -3, -14_706_789_000L), Interval.parse("@ 1 year 2 mons 3 days 4 hours 5 mins 6.789 secs ago"));
        assertEquals(MIXED_VALUE, Interval.parse("P1Y2M3DT4H5M6.789S"));
        assertEquals(MIXED_VALUE, Interval.parse("1-2 3 4:05:06.789"));
        assertEquals(new Interval(-14, -3, -14_706_789_000L), Interval.parse("-1-2 -3 -4:05:06.789"));
        assertThrows(IllegalArgumentException.class, () -> Interval.parse("three days"));
    }

    @Test
    void durationAndPeriodReadAndBind() {
        assertEquals(Duration.ofDays(3).plusHours(4).plusMinutes(5).plusMillis(6789),
                binary(Oids.INTERVAL, "000000036c97ca88 00000003 00000000", Duration.class));
        assertThrows(IllegalArgumentException.class, () -> binary(Oids.INTERVAL, MIXED, Duration.class));
        assertEquals(Period.of(1, 2, 3), text(Oids.INTERVAL, "1 year 2 mons 3 days", Period.class));
        assertThrows(IllegalArgumentException.class, () -> binary(Oids.INTERVAL, MIXED, Period.class));
        assertEquals("000000036c97ca88 00000000 00000000".replace(" ", ""), encode(Duration.ofNanos(14_706_789_000_000L)));
        assertEquals("0000000000000000 00000003 0000000e".replace(" ", ""), encode(Period.of(1, 2, 3)));
        assertEquals(Oids.INTERVAL, CodecRegistry.defaults().nullOid(Duration.class));
    }
}
