// The binary date/time formats: counts from PostgreSQL's epoch 2000-01-01, with infinities.
package org.psycopg.r2dbc.codec.builtin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * date is an int32 count of days, timestamp and timestamptz an int64 count of microseconds, both
 * from 2000-01-01 (UTC for timestamptz); time is an int64 count of microseconds since midnight.
 * The extreme counts stand for -infinity and infinity (DATEVAL_NOBEGIN/NOEND, DT_NOBEGIN/NOEND).
 *
 * <p>Infinity convention, applied both ways: date ±infinity is {@code LocalDate.MAX}/{@code MIN},
 * timestamp's is {@code LocalDateTime.MAX}/{@code MIN}, timestamptz's is {@code Instant.MAX}/{@code MIN}
 * (and the types built on it). time 24:00:00 is {@code LocalTime.MAX}. Java nanoseconds round to
 * microseconds half to even, as PostgreSQL rounds input.
 */
final class PgEpoch {

    static final int DATE_NEG_INFINITY = Integer.MIN_VALUE;
    static final int DATE_POS_INFINITY = Integer.MAX_VALUE;
    static final long TS_NEG_INFINITY = Long.MIN_VALUE;
    static final long TS_POS_INFINITY = Long.MAX_VALUE;
    /** 2000-01-01 in days since 1970-01-01. */
    private static final long EPOCH_DAY = 10_957;
    /** 2000-01-01 in seconds since 1970-01-01. */
    private static final long EPOCH_SECOND = EPOCH_DAY * 86_400;
    static final long MICROS_PER_DAY = 86_400_000_000L;

    private PgEpoch() {
    }

    static LocalDate toLocalDate(int days) {
        if (days == DATE_POS_INFINITY) {
            return LocalDate.MAX;
        }
        if (days == DATE_NEG_INFINITY) {
            return LocalDate.MIN;
        }
        return LocalDate.ofEpochDay(EPOCH_DAY + days);
    }

    static int fromLocalDate(LocalDate date) {
        if (date.equals(LocalDate.MAX)) {
            return DATE_POS_INFINITY;
        }
        if (date.equals(LocalDate.MIN)) {
            return DATE_NEG_INFINITY;
        }
        long days = date.toEpochDay() - EPOCH_DAY;
        if (days <= Integer.MIN_VALUE || days >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException(date + " is out of the range of date");
        }
        return (int) days;
    }

    static LocalDateTime toLocalDateTime(long micros) {
        if (micros == TS_POS_INFINITY) {
            return LocalDateTime.MAX;
        }
        if (micros == TS_NEG_INFINITY) {
            return LocalDateTime.MIN;
        }
        return LocalDateTime.ofEpochSecond(EPOCH_SECOND + Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }

    static long fromLocalDateTime(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            return TS_POS_INFINITY;
        }
        if (t.equals(LocalDateTime.MIN)) {
            return TS_NEG_INFINITY;
        }
        return micros(t.toEpochSecond(ZoneOffset.UTC), t.getNano(), t);
    }

    static Instant toInstant(long micros) {
        if (micros == TS_POS_INFINITY) {
            return Instant.MAX;
        }
        if (micros == TS_NEG_INFINITY) {
            return Instant.MIN;
        }
        return Instant.ofEpochSecond(EPOCH_SECOND + Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000);
    }

    static long fromInstant(Instant t) {
        if (t.equals(Instant.MAX)) {
            return TS_POS_INFINITY;
        }
        if (t.equals(Instant.MIN)) {
            return TS_NEG_INFINITY;
        }
        return micros(t.getEpochSecond(), t.getNano(), t);
    }

    private static long micros(long epochSecond, int nanos, Object value) {
        try {
            long micros = Math.addExact(Math.multiplyExact(Math.subtractExact(epochSecond, EPOCH_SECOND), 1_000_000L),
                    roundToMicros(nanos));
            if (micros == TS_POS_INFINITY || micros == TS_NEG_INFINITY) {
                throw new ArithmeticException();
            }
            return micros;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(value + " is out of the range of timestamp", e);
        }
    }

    /** Nanoseconds as microseconds, rounded half to even. */
    static long roundToMicros(long nanos) {
        long micros = Math.floorDiv(nanos, 1000L);
        long rest = Math.floorMod(nanos, 1000L);
        if (rest > 500 || rest == 500 && (micros & 1) == 1) {
            micros++;
        }
        return micros;
    }

    static LocalTime toLocalTime(long micros) {
        if (micros == MICROS_PER_DAY) {
            return LocalTime.MAX;
        }
        if (micros < 0 || micros > MICROS_PER_DAY) {
            throw new IllegalArgumentException("A time of " + micros + " microseconds is out of range");
        }
        return LocalTime.ofNanoOfDay(micros * 1000);
    }

    static long fromLocalTime(LocalTime t) {
        if (t.equals(LocalTime.MAX)) {
            return MICROS_PER_DAY;
        }
        return roundToMicros(t.toNanoOfDay());
    }
}
