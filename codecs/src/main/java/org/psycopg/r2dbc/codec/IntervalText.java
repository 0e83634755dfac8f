// Parsing the text styles of interval (datetime.c DecodeInterval's output forms).
package org.psycopg.r2dbc.codec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Reads the {@code postgres}, {@code postgres_verbose}, {@code sql_standard} and {@code iso_8601} interval texts. */
final class IntervalText {

    private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

    private long months;
    private long days;
    private long micros;

    private IntervalText() {
    }

    private Interval result(boolean negate) {
        long sign = negate ? -1 : 1;
        return new Interval(Math.toIntExact(sign * months), Math.toIntExact(sign * days), sign * micros);
    }

    /** postgres, postgres_verbose and sql_standard: numbers with units, {@code h:m:s} times, {@code y-m} year-months. */
    static Interval words(String s) {
        IntervalText t = new IntervalText();
        String[] tokens = s.split("\\s+");
        boolean ago = false;
        boolean sqlNegative = false;
        int i = 0;
        if (tokens[0].equals("@")) {
            i++;
        }
        boolean sawUnits = false;
        for (; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.equals("ago")) {
                ago = true;
            } else if (token.indexOf(':') >= 0) {
                t.micros += time(token, sqlNegative);
            } else if (token.matches("[+-]?\\d+-\\d+")) {
                // sql_standard year-month: the sign covers both fields
                boolean negative = token.startsWith("-");
                String[] ym = token.replaceFirst("^[+-]", "").split("-");
                long months = Long.parseLong(ym[0]) * 12 + Long.parseLong(ym[1]);
                t.months += negative ? -months : months;
                sqlNegative = negative;
            } else if (i + 1 < tokens.length && !tokens[i + 1].matches("[+-]?[\\d.:-].*") && !tokens[i + 1].equals("ago")) {
                t.unit(new BigDecimal(token), tokens[++i]);
                sawUnits = true;
            } else if (!sawUnits) {
                // sql_standard day count, written before the time without a unit
                long days = Long.parseLong(token);
                t.days += days;
                sqlNegative = token.startsWith("-");
            } else {
                throw new IllegalArgumentException("Unexpected '" + token + "'");
            }
        }
        return t.result(ago);
    }

    private void unit(BigDecimal value, String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("year")) {
            months += value.multiply(BigDecimal.valueOf(12)).longValueExact();
        } else if (u.startsWith("mon")) {
            months += value.longValueExact();
        } else if (u.startsWith("week")) {
            days += value.multiply(BigDecimal.valueOf(7)).longValueExact();
        } else if (u.startsWith("day")) {
            days += value.longValueExact();
        } else if (u.startsWith("hour")) {
            micros += micros(value.multiply(BigDecimal.valueOf(3600)));
        } else if (u.startsWith("min")) {
            micros += micros(value.multiply(BigDecimal.valueOf(60)));
        } else if (u.startsWith("sec")) {
            micros += micros(value);
        } else if (u.startsWith("millisecond") || u.equals("msecs") || u.equals("msec")) {
            micros += micros(value.movePointLeft(3));
        } else if (u.startsWith("microsecond") || u.equals("usecs") || u.equals("usec")) {
            micros += micros(value.movePointLeft(6));
        } else {
            throw new IllegalArgumentException("Unknown interval unit '" + unit + "'");
        }
    }

    private static long micros(BigDecimal seconds) {
        return seconds.multiply(MICROS).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** {@code [+-]h:mm[:ss[.ffffff]]}; a sql_standard time without its own sign takes the day's sign. */
    private static long time(String token, boolean inheritedNegative) {
        boolean negative = token.startsWith("-") || !token.startsWith("+") && inheritedNegative;
        String[] parts = token.replaceFirst("^[+-]", "").split(":");
        long micros = Long.parseLong(parts[0]) * 3_600_000_000L + Long.parseLong(parts[1]) * 60_000_000L;
        if (parts.length > 2) {
            micros += micros(new BigDecimal(parts[2]));
        }
        return negative ? -micros : micros;
    }

    /** iso_8601: {@code P[nY][nM][nW][nD][T[nH][nM][nS]]}, each number signed, seconds fractional. */
    static Interval iso8601(String s) {
        IntervalText t = new IntervalText();
        boolean negate = s.startsWith("-");
        int at = negate ? 2 : 1;
        boolean inTime = false;
        while (at < s.length()) {
            char c = s.charAt(at);
            if (c == 'T') {
                inTime = true;
                at++;
                continue;
            }
            int start = at;
            while (at < s.length() && "+-.0123456789".indexOf(s.charAt(at)) >= 0) {
                at++;
            }
            if (at == start || at >= s.length()) {
                throw new IllegalArgumentException("Malformed ISO 8601 interval");
            }
            BigDecimal value = new BigDecimal(s.substring(start, at));
            char designator = s.charAt(at++);
            switch (designator) {
                case 'Y': t.unit(value, "years"); break;
                case 'M': t.unit(value, inTime ? "mins" : "mons"); break;
                case 'W': t.unit(value, "weeks"); break;
                case 'D': t.unit(value, "days"); break;
                case 'H': t.unit(value, "hours"); break;
                case 'S': t.unit(value, "secs"); break;
                default: throw new IllegalArgumentException("Unknown ISO 8601 designator " + designator);
            }
        }
        return t.result(negate);
    }
}
