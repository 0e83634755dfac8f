// What a NotificationListener emits: a notification, or the news that it reconnected.
package org.psycopg.r2dbc.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.psycopg.r2dbc.Notification;

/**
 * An event of a {@link NotificationListener}'s stream: {@link Received} for each notification, in the
 * order the server sent them, and {@link Reconnected} when the listener's connection was lost and a
 * new one listens again, before any notification that the new connection receives.
 */
public sealed interface ListenerEvent {

    /** A notification on one of the listener's channels. */
    record Received(Notification notification) implements ListenerEvent {
    }

    /**
     * The connection was lost and a new one now listens on every channel again. Notifications sent
     * between shortly before {@code lostAt} (those in flight when the connection broke) and
     * {@code listeningAgainAt} may have been missed: the application should look at whatever state
     * they announce.
     *
     * @param lostAt           when the listener saw its connection end
     * @param listeningAgainAt when the new connection had run LISTEN for every channel
     * @param attempts         how many connections were tried, the successful one included
     * @param channels         the channels listened on again
     */
    record Reconnected(Instant lostAt, Instant listeningAgainAt, int attempts, Set<String> channels)
            implements ListenerEvent {

        /** The time during which notifications may have been missed. */
        public Duration window() {
            return Duration.between(lostAt, listeningAgainAt);
        }
    }
}
