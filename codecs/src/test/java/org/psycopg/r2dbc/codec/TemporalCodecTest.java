// Byte-vector tests of date, time, timetz, timestamp and timestamptz in both formats.
package org.psycopg.r2dbc.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.psycopg.r2dbc.codec.Wire.binary;
import static org.psycopg.r2dbc.codec.Wire.encode;
import static org.psycopg.r2dbc.codec.Wire.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class TemporalCodecTest {

    private final CodecRegistry registry = CodecRegistry.defaults();

    @Test
    void dateCountsDaysFrom2000WithInfinities() {
        assertEquals(LocalDate.of(2000, 1, 1), binary(Oids.DATE, "00000000"));
        assertEquals(LocalDate.of(1999, 12, 31), binary(Oids.DATE, "ffffffff"));
        assertEquals(LocalDate.MAX, binary(Oids.DATE, "7fffffff"));
        assertEquals(LocalDate.MIN, binary(Oids.DATE, "80000000"));
        assertEquals("7fffffff", encode(LocalDate.MAX));
        assertEquals("80000000", encode(LocalDate.MIN));
        assertEquals("ffffffff", encode(LocalDate.of(1999, 12, 31)));
    }

    @Test
    void datesBeforeChristReadInBothFormats() {
        LocalDate idesOfMarch = LocalDate.of(-43, 3, 15);
        assertEquals(idesOfMarch, text(Oids.DATE, "0044-03-15 BC"));
        assertEquals(idesOfMarch, binary(Oids.DATE, "fff49d7b"));
        assertEquals("fff49d7b", encode(idesOfMarch));
        assertEquals("0044-03-15 BC", binary(Oids.DATE, "fff49d7b", String.class));
    }

    @Test
    void dateTextHasInfinitiesAndLongYears() {
        assertEquals(LocalDate.MAX, text(Oids.DATE, "infinity"));
        assertEquals(LocalDate.MIN, text(Oids.DATE, "-infinity"));
        assertEquals(LocalDate.of(12345, 6, 7), text(Oids.DATE, "12345-06-07"));
        assertEquals("infinity", binary(Oids.DATE, "7fffffff", String.class));
    }

    @Test
    void timeCountsMicrosecondsAndMidnightEndIsLocalTimeMax() {
        assertEquals(LocalTime.of(23, 59, 59, 999_999_000), binary(Oids.TIME, "000000141dd75fff"));
        assertEquals(LocalTime.MAX, binary(Oids.TIME, "000000141dd76000"));
        assertEquals(LocalTime.MAX, text(Oids.TIME, "24:00:00"));
        assertEquals("000000141dd76000", encode(LocalTime.MAX));
        assertEquals(LocalTime.of(3, 4, 5, 120_000_000), text(Oids.TIME, "03:04:05.12"));
        assertEquals("03:04:05.12", text(Oids.TIME, "03:04:05.12", String.class));
        assertEquals("00:00:00.000001", binary(Oids.TIME, "0000000000000001", String.class));
    }

    @Test
    void timetzCarriesItsOffsetInSecondsWest() {
        // 01:00:00, zone -19800 seconds west = +05:30
        OffsetTime t = OffsetTime.of(1, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30));
        assertEquals(t, binary(Oids.TIMETZ, "00000000d693a400 ffffb2a8"));
        assertEquals(t, text(Oids.TIMETZ, "01:00:00+05:30"));
        assertEquals("00000000d693a400ffffb2a8", encode(t));
        assertEquals(LocalTime.of(1, 0), binary(Oids.TIMETZ, "00000000d693a400 ffffb2a8", LocalTime.class));
    }

    @Test
    void timestampCountsMicrosecondsFrom2000() {
        assertEquals(LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1000), binary(Oids.TIMESTAMP, "0000000000000001"));
        assertEquals(LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000), binary(Oids.TIMESTAMP, "ffffffffffffffff"));
        assertEquals(LocalDateTime.MAX, binary(Oids.TIMESTAMP, "7fffffffffffffff"));
        assertEquals(LocalDateTime.MIN, binary(Oids.TIMESTAMP, "8000000000000000"));
        assertEquals("7fffffffffffffff", encode(LocalDateTime.MAX));
        assertEquals("0000000000000001", encode(LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1000)));
    }

    @Test
    void timestampNanosecondsRoundHalfToEven() {
        assertEquals("0000000000000002", encode(LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1500)));
        assertEquals("0000000000000002", encode(LocalDateTime.of(2000, 1, 1, 0, 0, 0, 2500)));
        assertEquals("0000000000000003", encode(LocalDateTime.of(2000, 1, 1, 0, 0, 0, 2501)));
    }

    @Test
    void timestampTextInIsoStyleWithEras() {
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000), text(Oids.TIMESTAMP, "2024-01-02 03:04:05.123456"));
        assertEquals(LocalDateTime.of(0, 1, 1, 0, 0), text(Oids.TIMESTAMP, "0001-01-01 00:00:00 BC"));
        assertEquals(LocalDateTime.of(0, 1, 1, 0, 0), binary(Oids.TIMESTAMP, "ff1fc63d1bb12000"));
        assertEquals("0001-01-01 00:00:00 BC", binary(Oids.TIMESTAMP, "ff1fc63d1bb12000", String.class));
        assertEquals(LocalDateTime.MIN, text(Oids.TIMESTAMP, "-infinity"));
    }

    @Test
    void timestamptzReadsInUtcWhateverTheSessionZone() {
        OffsetDateTime utc = OffsetDateTime.of(2024, 1, 1, 21, 34, 5, 123_456_000, ZoneOffset.UTC);
        assertEquals(utc, binary(Oids.TIMESTAMPTZ, "0002b0e7e8ebcf80"));
        assertEquals(utc, text(Oids.TIMESTAMPTZ, "2024-01-02 03:04:05.123456+05:30"));
        assertEquals(utc, text(Oids.TIMESTAMPTZ, "2024-01-01 21:34:05.123456+00"));
        assertEquals(utc.toInstant(), binary(Oids.TIMESTAMPTZ, "0002b0e7e8ebcf80", Instant.class));
        assertEquals(utc.atZoneSameInstant(ZoneOffset.UTC), binary(Oids.TIMESTAMPTZ, "0002b0e7e8ebcf80", ZonedDateTime.class));
        assertEquals(utc.toLocalDateTime(), binary(Oids.TIMESTAMPTZ, "0002b0e7e8ebcf80", LocalDateTime.class));
        assertEquals("2024-01-01 21:34:05.123456+00", binary(Oids.TIMESTAMPTZ, "0002b0e7e8ebcf80", String.class));
    }

    @Test
    void timestamptzTextReadsHistoricOffsetsWithSecondsAndEras() {
        assertEquals(OffsetDateTime.of(1850, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(5, 53, 28))
                        .withOffsetSameInstant(ZoneOffset.UTC),
                text(Oids.TIMESTAMPTZ, "1850-01-01 00:00:00+05:53:28"));
        assertEquals(OffsetDateTime.of(-43, 3, 15, 12, 0, 0, 0, ZoneOffset.ofHours(-1)).withOffsetSameInstant(ZoneOffset.UTC),
                text(Oids.TIMESTAMPTZ, "0044-03-15 12:00:00-01 BC"));
        assertEquals(OffsetDateTime.MAX, text(Oids.TIMESTAMPTZ, "infinity"));
        assertEquals(Instant.MIN, text(Oids.TIMESTAMPTZ, "-infinity", Instant.class));
    }

    @Test
    void everyZonedClassBindsAsTimestamptzWithInfinities() {
        OffsetDateTime t = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.ofHoursMinutes(5, 30));
        assertEquals("0002b0e7e8ebcf80", encode(t));
        assertEquals("0002b0e7e8ebcf80", encode(t.toInstant()));
        assertEquals("0002b0e7e8ebcf80", encode(t.atZoneSameInstant(ZoneId.of("Asia/Kolkata"))));
        assertEquals("7fffffffffffffff", encode(OffsetDateTime.MAX));
        assertEquals("8000000000000000", encode(Instant.MIN));
        assertEquals(Instant.MAX, binary(Oids.TIMESTAMPTZ, "7fffffffffffffff", Instant.class));
        assertEquals(OffsetDateTime.MIN, binary(Oids.TIMESTAMPTZ, "8000000000000000"));
        assertEquals(Oids.TIMESTAMPTZ, registry.nullOid(ZonedDateTime.class));
        assertEquals(Oids.TIMESTAMP, registry.nullOid(LocalDateTime.class));
        assertEquals(Oids.DATE, registry.nullOid(LocalDate.class));
        assertEquals(Oids.TIME, registry.nullOid(LocalTime.class));
    }

    @Test
    void valuesOutsideTimestampRangeRefuseToBind() {
        assertThrows(IllegalArgumentException.class, () -> encode(LocalDateTime.of(999_999_999, 1, 1, 0, 0)));
    }
}
