// Byte-vector tests of reading date/time values in a session's TimeZone, and of the setting's parsing.
package org.psycopg.r2dbc.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.psycopg.r2dbc.codec.Wire.hex;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class TimeZoneTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** 2024-01-01 21:34:05.123456 UTC as timestamptz's binary (microseconds since 2000-01-01 UTC). */
    private static final String NEW_YEAR_EVENING = "0002b0e7e8ebcf80";

    private final CodecRegistry paris = CodecRegistry.defaults().withTimeZone(PARIS);

    @Test
    void ianaNamesArePosixSpecificationsReadWestPositive() {
        assertEquals(PARIS, TimeZoneSetting.zoneOf("Europe/Paris"));
        assertEquals(ZoneId.of("Etc/GMT+5"), TimeZoneSetting.zoneOf("Etc/GMT+5"));
        assertEquals(ZoneId.of("UTC"), TimeZoneSetting.zoneOf("UTC"));
        assertEquals(ZoneOffset.ofHours(-3), TimeZoneSetting.zoneOf("UTC+3"));
        assertEquals(ZoneOffset.ofHours(5), TimeZoneSetting.zoneOf("<+05>-05"));
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30), TimeZoneSetting.zoneOf("<+05:30>-05:30"));
        assertEquals(ZoneOffset.ofHoursMinutes(-3, -30), TimeZoneSetting.zoneOf("<-03:30>+03:30"));
        assertEquals(ZoneOffset.ofHours(1), TimeZoneSetting.zoneOf("CET-1CEST"));
    }

    @Test
    void anUnknownOrMissingSettingIsUtc() {
        assertEquals(ZoneOffset.UTC, TimeZoneSetting.zoneOf(null));
        assertEquals(ZoneOffset.UTC, TimeZoneSetting.zoneOf(""));
        assertEquals(ZoneOffset.UTC, TimeZoneSetting.zoneOf("Mars/Olympus_Mons"));
    }

    @Test
    void timestamptzReadsInTheRegistrysZone() {
        Instant instant = Instant.parse("2024-01-01T21:34:05.123456Z");
        assertEquals(OffsetDateTime.of(2024, 1, 1, 22, 34, 5, 123_456_000, ZoneOffset.ofHours(1)),
                paris.decode(Oids.TIMESTAMPTZ, Format.BINARY, hex(NEW_YEAR_EVENING), Object.class));
        assertEquals(instant.atZone(PARIS), paris.decode(Oids.TIMESTAMPTZ, Format.BINARY, hex(NEW_YEAR_EVENING), ZonedDateTime.class));
        assertEquals(LocalDateTime.of(2024, 1, 1, 22, 34, 5, 123_456_000),
                paris.decode(Oids.TIMESTAMPTZ, Format.BINARY, hex(NEW_YEAR_EVENING), LocalDateTime.class));
        assertEquals(instant, paris.decode(Oids.TIMESTAMPTZ, Format.BINARY, hex(NEW_YEAR_EVENING), Instant.class));
        assertEquals(OffsetDateTime.of(2024, 7, 1, 2, 0, 0, 0, ZoneOffset.ofHours(2)),
                paris.decode(Oids.TIMESTAMPTZ, Format.TEXT, Wire.text("2024-07-01 00:00:00+00"), Object.class));
    }

    @Test
    void timestampReadAsAnInstantIsTakenInTheRegistrysZone() {
        assertEquals(Instant.parse("2024-07-01T10:00:00Z"),
                paris.decode(Oids.TIMESTAMP, Format.TEXT, Wire.text("2024-07-01 12:00:00"), Instant.class));
    }

    @Test
    void infinitiesStayMaxAndMinInAnyZone() {
        assertEquals(OffsetDateTime.MAX, paris.decode(Oids.TIMESTAMPTZ, Format.BINARY, hex("7fffffffffffffff"), Object.class));
        assertEquals(LocalDateTime.MIN, paris.decode(Oids.TIMESTAMPTZ, Format.BINARY, hex("8000000000000000"), LocalDateTime.class));
    }

    @Test
    void aZoneViewSharesTheRegistryAndDefaultsReadInUtc() {
        assertEquals(ZoneOffset.UTC, CodecRegistry.defaults().timeZone());
        assertSame(paris, paris.withTimeZone(PARIS));
        assertSame(CodecRegistry.defaults().codecs(), paris.codecs());
        assertEquals(PARIS, paris.withOverrides().timeZone());
    }
}
