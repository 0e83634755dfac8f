// The codec registry a connection reads results with: its factory's, in the session's TimeZone.
package org.psycopg.r2dbc;

import java.util.Map;
import java.util.Objects;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.TimeZoneSetting;

/**
 * Follows the {@code TimeZone} the server reports (at startup and after every {@code SET
 * TimeZone}) so that timestamptz values read as {@code OffsetDateTime}, {@code ZonedDateTime} or
 * {@code LocalDateTime} are in the session's zone, as the server's own text output is. Per result,
 * not per value: one map lookup and two comparisons; the zone is parsed and the registry derived
 * only when the setting or the factory's registry changed. Thread-safe.
 */
final class SessionTimeZone {

    private record Zoned(CodecRegistry base, String setting, CodecRegistry registry) {
    }

    private final Map<String, String> parameters;
    private volatile Zoned last = new Zoned(null, null, null);

    SessionTimeZone(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    /** {@code base} reading in the zone the session reports now. */
    CodecRegistry apply(CodecRegistry base) {
        String setting = parameters.get("TimeZone");
        Zoned zoned = last;
        if (zoned.base != base || !Objects.equals(zoned.setting, setting)) {
            zoned = new Zoned(base, setting, base.withTimeZone(TimeZoneSetting.zoneOf(setting)));
            last = zoned;
        }
        return zoned.registry;
    }
}
