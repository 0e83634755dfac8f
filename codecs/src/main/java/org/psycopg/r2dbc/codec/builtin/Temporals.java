// Reading the date/time types in either format, and converting between java.time classes.
package org.psycopg.r2dbc.codec.builtin;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Oids;

/**
 * Each date/time type's value as its natural java.time class (date as LocalDate, time as LocalTime,
 * timetz as OffsetTime, timestamp as LocalDateTime, timestamptz as Instant), then converted to the
 * class asked for in the session's zone (the registry's {@code timeZone()}), as PostgreSQL's casts
 * convert: a timestamptz read as a class with a zone or offset is in that zone, read as
 * LocalDateTime is its wall time there; a timestamp read as an instant is taken in that zone.
 * Infinities map to the classes' MAX and MIN (see {@link PgEpoch}); a zoned infinity is at UTC.
 */
final class Temporals {

    /** timestamptz infinity as ZonedDateTime. */
    static final ZonedDateTime ZONED_MAX = ZonedDateTime.of(LocalDateTime.MAX, ZoneOffset.UTC);
    /** timestamptz -infinity as ZonedDateTime. */
    static final ZonedDateTime ZONED_MIN = ZonedDateTime.of(LocalDateTime.MIN, ZoneOffset.UTC);

    private Temporals() {
    }

    static Object read(int oid, Format format, ByteBuffer b) {
        int at = b.position();
        if (format == Format.BINARY) {
            switch (oid) {
                case Oids.DATE: Bytes.expectSize(b, 4, "date"); return PgEpoch.toLocalDate(b.getInt(at));
                case Oids.TIME: Bytes.expectSize(b, 8, "time"); return PgEpoch.toLocalTime(b.getLong(at));
                case Oids.TIMETZ:
                    Bytes.expectSize(b, 12, "timetz");
                    // the zone is in seconds west of UTC
                    return OffsetTime.of(PgEpoch.toLocalTime(b.getLong(at)), ZoneOffset.ofTotalSeconds(-b.getInt(at + 8)));
                case Oids.TIMESTAMP: Bytes.expectSize(b, 8, "timestamp"); return PgEpoch.toLocalDateTime(b.getLong(at));
                case Oids.TIMESTAMPTZ: Bytes.expectSize(b, 8, "timestamptz"); return PgEpoch.toInstant(b.getLong(at));
                default: throw notTemporal(oid);
            }
        }
        String s = Bytes.utf8(b).trim();
        switch (oid) {
            case Oids.DATE: return DateTimeText.parseDate(s);
            case Oids.TIME: return DateTimeText.parseTime(s);
            case Oids.TIMETZ: return DateTimeText.parseTimetz(s);
            case Oids.TIMESTAMP: return DateTimeText.parseTimestamp(s);
            case Oids.TIMESTAMPTZ: return toInstant(DateTimeText.parseTimestamptz(s));
            default: throw notTemporal(oid);
        }
    }

    private static IllegalArgumentException notTemporal(int oid) {
        return new IllegalArgumentException("Type OID " + oid + " is not a date/time type");
    }

    /** {@code value} (a class {@link #read} returns) as {@code target}, in {@code zone}. */
    static Object convert(Object value, Class<?> target, ZoneId zone) {
        if (target.isInstance(value)) {
            return value;
        }
        if (value instanceof Instant) {
            Instant i = (Instant) value;
            if (target == OffsetDateTime.class) {
                return i.equals(Instant.MAX) ? OffsetDateTime.MAX : i.equals(Instant.MIN) ? OffsetDateTime.MIN
                        : OffsetDateTime.ofInstant(i, zone);
            }
            if (target == ZonedDateTime.class) {
                return i.equals(Instant.MAX) ? ZONED_MAX : i.equals(Instant.MIN) ? ZONED_MIN : i.atZone(zone);
            }
            if (target == LocalDateTime.class) {
                return i.equals(Instant.MAX) ? LocalDateTime.MAX : i.equals(Instant.MIN) ? LocalDateTime.MIN
                        : LocalDateTime.ofInstant(i, zone);
            }
        }
        if (value instanceof LocalDateTime) {
            LocalDateTime t = (LocalDateTime) value;
            Instant i = t.equals(LocalDateTime.MAX) ? Instant.MAX : t.equals(LocalDateTime.MIN) ? Instant.MIN
                    : t.atZone(zone).toInstant();
            return convert(i, target, zone);
        }
        if (value instanceof LocalDate && target == LocalDateTime.class) {
            LocalDate d = (LocalDate) value;
            return d.equals(LocalDate.MAX) ? LocalDateTime.MAX : d.equals(LocalDate.MIN) ? LocalDateTime.MIN : d.atStartOfDay();
        }
        if (value instanceof OffsetTime && target == LocalTime.class) {
            return ((OffsetTime) value).toLocalTime();
        }
        throw new IllegalArgumentException("Cannot convert " + value + " to " + target.getName());
    }

    /** A timestamptz text's instant; infinities as Instant.MAX/MIN. */
    private static Instant toInstant(OffsetDateTime t) {
        if (t.equals(OffsetDateTime.MAX)) {
            return Instant.MAX;
        }
        if (t.equals(OffsetDateTime.MIN)) {
            return Instant.MIN;
        }
        return t.toInstant();
    }

    /** The microseconds since 2000-01-01 UTC that a timestamptz binds as; infinities from MAX/MIN. */
    static long timestamptzMicros(Object value) {
        if (value instanceof Instant) {
            return PgEpoch.fromInstant((Instant) value);
        }
        if (value instanceof OffsetDateTime) {
            OffsetDateTime t = (OffsetDateTime) value;
            return PgEpoch.fromInstant(t.equals(OffsetDateTime.MAX) ? Instant.MAX : t.equals(OffsetDateTime.MIN) ? Instant.MIN : t.toInstant());
        }
        ZonedDateTime t = (ZonedDateTime) value;
        return PgEpoch.fromInstant(t.equals(ZONED_MAX) ? Instant.MAX : t.equals(ZONED_MIN) ? Instant.MIN : t.toInstant());
    }
}
