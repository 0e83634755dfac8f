// PostgreSQL's replication timestamps: microseconds since 2000-01-01 00:00 UTC.
package org.psycopg.r2dbc.replication;

import java.time.Instant;

/** Converts between the protocol's timestamps (microseconds since the PostgreSQL epoch) and {@link Instant}. */
final class ServerClock {

    /** 2000-01-01T00:00:00Z in microseconds since the Unix epoch. */
    private static final long EPOCH_MICROS = 946_684_800_000_000L;

    private ServerClock() {
    }

    static Instant toInstant(long micros) {
        long unixMicros = micros + EPOCH_MICROS;
        return Instant.ofEpochSecond(Math.floorDiv(unixMicros, 1_000_000L), Math.floorMod(unixMicros, 1_000_000L) * 1_000L);
    }

    static long toMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000L - EPOCH_MICROS;
    }
}
