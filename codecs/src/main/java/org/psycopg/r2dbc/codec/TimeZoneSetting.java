// PostgreSQL's TimeZone setting, as the server reports it, read as a java.time zone.
package org.psycopg.r2dbc.codec;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the value of PostgreSQL's {@code TimeZone} parameter (as a ParameterStatus reports it) as a
 * {@link ZoneId}:
 * <ul>
 *   <li>an IANA zone name ({@code Europe/Paris}, {@code UTC}, {@code Etc/GMT+5}, {@code EST5EDT}) is
 *       that zone;</li>
 *   <li>a POSIX specification ({@code UTC+3}, {@code <+05:30>-05:30}, what {@code SET TIME ZONE 5}
 *       reports) is its standard offset, with POSIX's sign: positive west of Greenwich, so
 *       {@code UTC+3} is {@code -03:00}. A POSIX specification with daylight-saving rules
 *       ({@code CET-1CEST}) reads as its standard offset all year;</li>
 *   <li>anything else, or no setting, is UTC.</li>
 * </ul>
 */
public final class TimeZoneSetting {

    /** Standard-time name (letters, or anything in angle brackets), offset, then an optional DST part. */
    private static final Pattern POSIX = Pattern.compile(
            "(?:[A-Za-z]{3,}|<[^>]+>)([+-]?)(\\d{1,2})(?::(\\d{2})(?::(\\d{2}))?)?(.*)");

    private TimeZoneSetting() {
    }

    /** The zone {@code setting} names; UTC for null or a setting not understood. */
    public static ZoneId zoneOf(String setting) {
        if (setting == null || setting.isEmpty()) {
            return ZoneOffset.UTC;
        }
        if (ZoneId.getAvailableZoneIds().contains(setting)) {
            return ZoneId.of(setting);
        }
        Matcher posix = POSIX.matcher(setting);
        if (posix.matches()) {
            int seconds = Integer.parseInt(posix.group(2)) * 3600
                    + (posix.group(3) == null ? 0 : Integer.parseInt(posix.group(3)) * 60)
                    + (posix.group(4) == null ? 0 : Integer.parseInt(posix.group(4)));
            try {
                return ZoneOffset.ofTotalSeconds("-".equals(posix.group(1)) ? seconds : -seconds);
            } catch (DateTimeException outOfRange) {
                return ZoneOffset.UTC;
            }
        }
        return ZoneOffset.UTC;
    }
}
