// The text date/time formats of DateStyle ISO: parsing what PostgreSQL writes, and writing it alike.
package org.psycopg.r2dbc.codec.builtin;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * Dates and times as PostgreSQL writes them with {@code DateStyle = ISO}: {@code 2024-01-02},
 * {@code 03:04:05.123456}, {@code 2024-01-02 03:04:05.5+05:30}, with an offset of hours, minutes
 * and (for historic local mean times) seconds, years of more than four digits, a {@code " BC"}
 * suffix for years before 1 (1 BC is ISO year 0), and {@code infinity}/{@code -infinity}. The
 * infinities follow {@link PgEpoch}'s convention; a timestamptz's infinities are
 * {@code OffsetDateTime.MAX}/{@code MIN}.
 */
final class DateTimeText {

    private DateTimeText() {
    }

    static LocalDate parseDate(String s) {
        switch (s) {
            case "infinity": return LocalDate.MAX;
            case "-infinity": return LocalDate.MIN;
            default:
                Cursor c = new Cursor(s);
                LocalDate date = c.date();
                c.end();
                return date;
        }
    }

    static LocalTime parseTime(String s) {
        Cursor c = new Cursor(s);
        LocalTime time = c.time();
        c.end();
        return time;
    }

    static OffsetTime parseTimetz(String s) {
        Cursor c = new Cursor(s);
        LocalTime time = c.time();
        ZoneOffset offset = c.offset();
        c.end();
        return OffsetTime.of(time, offset);
    }

    static LocalDateTime parseTimestamp(String s) {
        switch (s) {
            case "infinity": return LocalDateTime.MAX;
            case "-infinity": return LocalDateTime.MIN;
            default:
                Cursor c = new Cursor(s);
                LocalDate date = c.date();
                c.expect(' ');
                LocalTime time = c.time();
                c.end();
                return date.atTime(time);
        }
    }

    /** The timestamp with the offset it was written in; infinities as OffsetDateTime.MAX/MIN. */
    static OffsetDateTime parseTimestamptz(String s) {
        switch (s) {
            case "infinity": return OffsetDateTime.MAX;
            case "-infinity": return OffsetDateTime.MIN;
            default:
                Cursor c = new Cursor(s);
                LocalDate date = c.date();
                c.expect(' ');
                LocalTime time = c.time();
                ZoneOffset offset = c.offset();
                c.end();
                return OffsetDateTime.of(date.atTime(time), offset);
        }
    }

    static String formatDate(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return "infinity";
        }
        if (d.equals(LocalDate.MIN)) {
            return "-infinity";
        }
        StringBuilder s = new StringBuilder(16);
        appendDate(s, d);
        return era(s, d).toString();
    }

    static String formatTime(LocalTime t) {
        StringBuilder s = new StringBuilder(15);
        appendTime(s, t);
        return s.toString();
    }

    static String formatTimetz(OffsetTime t) {
        StringBuilder s = new StringBuilder(24);
        appendTime(s, t.toLocalTime());
        appendOffset(s, t.getOffset());
        return s.toString();
    }

    static String formatTimestamp(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            return "infinity";
        }
        if (t.equals(LocalDateTime.MIN)) {
            return "-infinity";
        }
        StringBuilder s = new StringBuilder(32);
        appendDate(s, t.toLocalDate());
        s.append(' ');
        appendTime(s, t.toLocalTime());
        return era(s, t.toLocalDate()).toString();
    }

    static String formatTimestamptz(OffsetDateTime t) {
        if (t.equals(OffsetDateTime.MAX)) {
            return "infinity";
        }
        if (t.equals(OffsetDateTime.MIN)) {
            return "-infinity";
        }
        StringBuilder s = new StringBuilder(40);
        appendDate(s, t.toLocalDate());
        s.append(' ');
        appendTime(s, t.toLocalTime());
        appendOffset(s, t.getOffset());
        return era(s, t.toLocalDate()).toString();
    }

    private static void appendDate(StringBuilder s, LocalDate d) {
        int year = d.getYear();
        pad(s, year > 0 ? year : 1 - year, 4);
        s.append('-');
        pad(s, d.getMonthValue(), 2);
        s.append('-');
        pad(s, d.getDayOfMonth(), 2);
    }

    private static StringBuilder era(StringBuilder s, LocalDate d) {
        return d.getYear() > 0 ? s : s.append(" BC");
    }

    private static void appendTime(StringBuilder s, LocalTime t) {
        if (t.equals(LocalTime.MAX)) {
            s.append("24:00:00");
            return;
        }
        long micros = PgEpoch.roundToMicros(t.toNanoOfDay());
        if (micros == PgEpoch.MICROS_PER_DAY) {
            s.append("24:00:00");
            return;
        }
        long seconds = micros / 1_000_000;
        pad(s, (int) (seconds / 3600), 2);
        s.append(':');
        pad(s, (int) (seconds / 60 % 60), 2);
        s.append(':');
        pad(s, (int) (seconds % 60), 2);
        int fraction = (int) (micros % 1_000_000);
        if (fraction != 0) {
            int digits = 6;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            s.append('.');
            pad(s, fraction, digits);
        }
    }

    /** As EncodeTimezone writes it: +hh, +hh:mm or +hh:mm:ss. */
    private static void appendOffset(StringBuilder s, ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        s.append(total < 0 ? '-' : '+');
        total = Math.abs(total);
        pad(s, total / 3600, 2);
        int minutes = total / 60 % 60;
        int seconds = total % 60;
        if (minutes != 0 || seconds != 0) {
            s.append(':');
            pad(s, minutes, 2);
        }
        if (seconds != 0) {
            s.append(':');
            pad(s, seconds, 2);
        }
    }

    private static void pad(StringBuilder s, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            s.append('0');
        }
        s.append(digits);
    }

    /** Reads the fields of one date/time text from left to right. */
    private static final class Cursor {
        private final String s;
        private final int end;
        private final boolean bc;
        private int at;

        Cursor(String text) {
            this.s = text;
            this.bc = text.endsWith(" BC");
            this.end = bc ? text.length() - 3 : text.length();
        }

        LocalDate date() {
            int year = number(1, 9);
            expect('-');
            int month = number(2, 2);
            expect('-');
            int day = number(2, 2);
            return LocalDate.of(bc ? 1 - year : year, month, day);
        }

        LocalTime time() {
            int hour = number(2, 2);
            expect(':');
            int minute = number(2, 2);
            expect(':');
            int second = number(2, 2);
            int nanos = 0;
            if (at < end && s.charAt(at) == '.') {
                at++;
                int start = at;
                int fraction = number(1, 9);
                for (int digits = at - start; digits < 9; digits++) {
                    fraction *= 10;
                }
                nanos = fraction;
            }
            if (hour == 24 && minute == 0 && second == 0 && nanos == 0) {
                return LocalTime.MAX;
            }
            return LocalTime.of(hour, minute, second, nanos);
        }

        ZoneOffset offset() {
            if (at >= end || (s.charAt(at) != '+' && s.charAt(at) != '-')) {
                throw invalid();
            }
            int sign = s.charAt(at++) == '-' ? -1 : 1;
            int hours = number(2, 2);
            int minutes = 0;
            int seconds = 0;
            if (at < end && s.charAt(at) == ':') {
                at++;
                minutes = number(2, 2);
                if (at < end && s.charAt(at) == ':') {
                    at++;
                    seconds = number(2, 2);
                }
            }
            return ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds);
        }

        void expect(char c) {
            if (at >= end || s.charAt(at) != c) {
                throw invalid();
            }
            at++;
        }

        void end() {
            if (at != end) {
                throw invalid();
            }
        }

        private int number(int minDigits, int maxDigits) {
            int start = at;
            int v = 0;
            while (at < end && at - start < maxDigits) {
                char c = s.charAt(at);
                if (c < '0' || c > '9') {
                    break;
                }
                v = v * 10 + (c - '0');
                at++;
            }
            if (at - start < minDigits) {
                throw invalid();
            }
            return v;
        }

        private IllegalArgumentException invalid() {
            return new IllegalArgumentException("Not a date/time in DateStyle ISO: '" + s + "'");
        }
    }
}
