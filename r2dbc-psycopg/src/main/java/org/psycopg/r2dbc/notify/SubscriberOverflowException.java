// The error a subscriber gets when its buffer overflows under OverflowPolicy.ERROR.
package org.psycopg.r2dbc.notify;

import io.r2dbc.spi.R2dbcNonTransientException;

/**
 * Ends a subscription to a hot stream whose subscriber fell more than its buffer's capacity behind
 * ({@link OverflowPolicy#ERROR}). {@link #dropped()} is the number of items it did not receive: the
 * ones that were waiting in its buffer and the one that did not fit. Every item before those was
 * delivered, in order. Subscribing again starts from the next item that arrives.
 */
public final class SubscriberOverflowException extends R2dbcNonTransientException {

    private final long dropped;
    private final int capacity;

    public SubscriberOverflowException(long dropped, int capacity) {
        super(dropped + " items dropped: the subscriber did not keep up and its buffer of " + capacity
                + " was full (request more, or choose OverflowPolicy.DROP_OLDEST or DROP_LATEST)");
        this.dropped = dropped;
        this.capacity = capacity;
    }

    /** How many items the subscriber did not receive. */
    public long dropped() {
        return dropped;
    }

    /** The capacity of the buffer that overflowed. */
    public int capacity() {
        return capacity;
    }
}
