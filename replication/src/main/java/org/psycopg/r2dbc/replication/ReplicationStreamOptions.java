// How a replication stream reports its progress to the server.
package org.psycopg.r2dbc.replication;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link ReplicationStream}. Immutable.
 *
 * @param statusInterval     how often a Standby Status Update is sent whatever the consumer does;
 *                           keep it well under the server's {@code wal_sender_timeout}
 * @param advanceOnKeepalive when every delivered message has been acknowledged, take the WAL
 *                           position of a primary keepalive as acknowledged too, so that an idle
 *                           or filtered-out stretch of WAL does not hold the slot back
 */
public record ReplicationStreamOptions(Duration statusInterval, boolean advanceOnKeepalive) {

    /** A status update every 10 seconds, keepalives advance the confirmed position. */
    public static final ReplicationStreamOptions DEFAULTS = new ReplicationStreamOptions(Duration.ofSeconds(10), true);

    public ReplicationStreamOptions {
        Objects.requireNonNull(statusInterval, "statusInterval");
        if (statusInterval.isNegative() || statusInterval.isZero()) {
            throw new IllegalArgumentException("statusInterval must be positive: " + statusInterval);
        }
    }

    public ReplicationStreamOptions withStatusInterval(Duration interval) {
        return new ReplicationStreamOptions(interval, advanceOnKeepalive);
    }

    public ReplicationStreamOptions withAdvanceOnKeepalive(boolean advance) {
        return new ReplicationStreamOptions(statusInterval, advance);
    }
}
