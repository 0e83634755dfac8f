// How a replication stream reports its progress to the server, and keeps an idle slot moving.
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
 * @param heartbeatInterval  when not null: whenever the stream has received no XLogData for this
 *                           long, write a non-transactional logical decoding message with the
 *                           prefix {@value #HEARTBEAT_PREFIX} (and empty content) through a normal
 *                           connection to the same server and database, so that a quiet database
 *                           still gives the slot WAL to move over; with
 *                           {@code advanceOnKeepalive} the slot's confirmed position then follows.
 *                           A plugin that passes such messages on (test_decoding; pgoutput with
 *                           {@code messages} on) delivers them like any other
 */
public record ReplicationStreamOptions(Duration statusInterval, boolean advanceOnKeepalive, Duration heartbeatInterval) {

    /** The prefix of the heartbeat's logical decoding messages. */
    public static final String HEARTBEAT_PREFIX = "r2dbc-psycopg heartbeat";

    /** A status update every 10 seconds, keepalives advance the confirmed position, no heartbeat. */
    public static final ReplicationStreamOptions DEFAULTS = new ReplicationStreamOptions(Duration.ofSeconds(10), true, null);

    public ReplicationStreamOptions {
        positive(Objects.requireNonNull(statusInterval, "statusInterval"), "statusInterval");
        if (heartbeatInterval != null) {
            positive(heartbeatInterval, "heartbeatInterval");
        }
    }

    public ReplicationStreamOptions withStatusInterval(Duration interval) {
        return new ReplicationStreamOptions(interval, advanceOnKeepalive, heartbeatInterval);
    }

    public ReplicationStreamOptions withAdvanceOnKeepalive(boolean advance) {
        return new ReplicationStreamOptions(statusInterval, advance, heartbeatInterval);
    }

    /** Turns the heartbeat on with this interval, or off with null. */
    public ReplicationStreamOptions withHeartbeatInterval(Duration interval) {
        return new ReplicationStreamOptions(statusInterval, advanceOnKeepalive, interval);
    }

    private static void positive(Duration interval, String name) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + interval);
        }
    }
}
