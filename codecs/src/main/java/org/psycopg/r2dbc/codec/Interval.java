// PostgreSQL's interval value: months, days and microseconds, kept apart as the server keeps them.
package org.psycopg.r2dbc.codec;

import java.time.Duration;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * An interval as PostgreSQL stores it: months, days and microseconds, three fields that do not
 * convert into one another (a month is not a fixed number of days, nor a day of hours across a
 * daylight-saving change). Since PostgreSQL 17 an interval may be infinite: every field at its
 * maximum ({@link #POSITIVE_INFINITY}) or minimum ({@link #NEGATIVE_INFINITY}). Immutable.
 *
 * <p>{@link #toString()} writes PostgreSQL's default output ({@code IntervalStyle = postgres}),
 * {@link #parse(String)} reads that style, {@code postgres_verbose}, {@code iso_8601} and
 * {@code sql_standard}.
 */
public record Interval(int months, int days, long microseconds) {

    public static final Interval ZERO = new Interval(0, 0, 0);
    public static final Interval POSITIVE_INFINITY = new Interval(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);
    public static final Interval NEGATIVE_INFINITY = new Interval(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE);

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

    /** An interval of whole months and days, no time. */
    public static Interval of(int months, int days) {
        return new Interval(months, days, 0);
    }

    /** The duration as microseconds (rounded half to even), with no days or months. */
    public static Interval of(Duration duration) {
        try {
            long micros = Math.multiplyExact(duration.getSeconds(), MICROS_PER_SECOND);
            long nanos = duration.getNano();
            long extra = nanos / 1000;
            long rest = nanos % 1000;
            if (rest > 500 || rest == 500 && (extra & 1) == 1) {
                extra++;
            }
            return new Interval(0, 0, Math.addExact(micros, extra));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(duration + " is out of the range of interval", e);
        }
    }

    /** The period's years and months as months, its days as days. */
    public static Interval of(Period period) {
        try {
            return new Interval(Math.toIntExact(period.toTotalMonths()), period.getDays(), 0);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(period + " is out of the range of interval", e);
        }
    }

    public boolean isInfinite() {
        return equals(POSITIVE_INFINITY) || equals(NEGATIVE_INFINITY);
    }

    /**
     * This interval as a {@code Duration}, a day counting 24 hours.
     *
     * @throws IllegalArgumentException when it has months, or is infinite
     */
    public Duration toDuration() {
        if (months != 0 || isInfinite()) {
            throw new IllegalArgumentException("The interval '" + this + "' has months: it is not a java.time.Duration");
        }
        return Duration.ofDays(days).plus(Duration.of(microseconds, ChronoUnit.MICROS));
    }

    /**
     * This interval as a {@code Period} of years, months and days.
     *
     * @throws IllegalArgumentException when it has a time part, or is infinite
     */
    public Period toPeriod() {
        if (microseconds != 0 || isInfinite()) {
            throw new IllegalArgumentException("The interval '" + this + "' has a time part: it is not a java.time.Period");
        }
        return Period.of(months / 12, months % 12, days);
    }

    /** The interval as PostgreSQL writes it with {@code IntervalStyle = postgres}, e.g. {@code 1 year 2 mons -3 days +04:05:06.5}. */
    @Override
    public String toString() {
        if (equals(POSITIVE_INFINITY)) {
            return "infinity";
        }
        if (equals(NEGATIVE_INFINITY)) {
            return "-infinity";
        }
        StringBuilder s = new StringBuilder();
        boolean[] state = {true, false}; // is_zero, is_before
        part(s, months / 12, "year", state);
        part(s, months % 12, "mon", state);
        part(s, days, "day", state);
        long hour = microseconds / MICROS_PER_HOUR;
        long rest = microseconds % MICROS_PER_HOUR;
        long minute = rest / MICROS_PER_MINUTE;
        rest %= MICROS_PER_MINUTE;
        long second = rest / MICROS_PER_SECOND;
        long fraction = rest % MICROS_PER_SECOND;
        if (state[0] || microseconds != 0) {
            boolean minus = microseconds < 0;
            if (!state[0]) {
                s.append(' ');
            }
            s.append(minus ? "-" : state[1] ? "+" : "");
            s.append(String.format(Locale.ROOT, "%02d:%02d:%02d", Math.abs(hour), Math.abs(minute), Math.abs(second)));
            if (fraction != 0) {
                String digits = String.format(Locale.ROOT, "%06d", Math.abs(fraction));
                int end = digits.length();
                while (digits.charAt(end - 1) == '0') {
                    end--;
                }
                s.append('.').append(digits, 0, end);
            }
        }
        return s.toString();
    }

    private static void part(StringBuilder s, long value, String unit, boolean[] state) {
        if (value == 0) {
            return;
        }
        if (!state[0]) {
            s.append(' ');
        }
        if (state[1] && value > 0) {
            s.append('+');
        }
        s.append(value).append(' ').append(unit);
        if (value != 1) {
            s.append('s');
        }
        state[1] = value < 0;
        state[0] = false;
    }

    /**
     * Reads an interval in any {@code IntervalStyle} PostgreSQL writes: {@code postgres}
     * ({@code 1 year 2 mons 3 days 04:05:06}), {@code postgres_verbose} ({@code @ 1 year 2 mons ago}),
     * {@code iso_8601} ({@code P1Y2M3DT4H5M6S}) or {@code sql_standard} ({@code 1-2 3 4:05:06}).
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    public static Interval parse(String text) {
        String s = text.trim();
        switch (s) {
            case "infinity": return POSITIVE_INFINITY;
            case "-infinity": return NEGATIVE_INFINITY;
            default: break;
        }
        try {
            if (s.startsWith("P") || s.startsWith("-P")) {
                return IntervalText.iso8601(s);
            }
            return IntervalText.words(s);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not an interval: '" + text + "'", e);
        }
    }
}
