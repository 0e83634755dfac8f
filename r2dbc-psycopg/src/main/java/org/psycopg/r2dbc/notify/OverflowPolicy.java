// What a subscriber's bounded buffer does when it is full and another item arrives.
package org.psycopg.r2dbc.notify;

/**
 * The overflow policy of a {@link SubscriberBuffer}: what happens to a subscriber of a hot stream
 * (notifications, notices, listener events) that has not asked for as many items as arrived and
 * whose buffer is full. Whatever the policy, the connection never waits for the subscriber.
 */
public enum OverflowPolicy {

    /**
     * The subscription ends at once with a {@link SubscriberOverflowException} that says how many
     * items the subscriber will not receive: those still in its buffer and the one that did not fit.
     */
    ERROR,

    /** The oldest buffered item is dropped to make room for the new one; the drop is counted. */
    DROP_OLDEST,

    /** The item that does not fit is dropped, the buffer is kept as it is; the drop is counted. */
    DROP_LATEST
}
