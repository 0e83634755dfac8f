// Records when each numbered notification reached the listener, and checks that they came in order.
package org.psycopg.r2dbc.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * The listener side of a notification scenario: payloads are sequence numbers from 1; each arrival
 * is stamped with {@link System#nanoTime()} on the thread that delivers it, before anything else.
 * One listener delivers one notification at a time (a single writer). The measuring thread waits in
 * {@link #awaitTotal} and is woken only when the total it waits for is reached, so that a burst costs
 * the listener no wake-up per notification; it reads the stamps after that wait, which orders it
 * after the arrivals it waited for.
 */
final class NotificationArrivals {

    private final long[] arrivedAt;
    private volatile int arrived;
    private volatile int target = Integer.MAX_VALUE;
    private volatile Thread waiter;
    private volatile String disorder;

    /** For payloads {@code 1..count}. */
    NotificationArrivals(int count) {
        this.arrivedAt = new long[count + 1];
    }

    /** Called by the listener for each notification. */
    void arrive(String payload) {
        long now = System.nanoTime();
        int sequence = Integer.parseInt(payload);
        int count = arrived + 1;
        if (sequence != count && disorder == null) {
            disorder = "expected notification " + count + ", received " + sequence;
        }
        if (sequence > 0 && sequence < arrivedAt.length) {
            arrivedAt[sequence] = now;
        }
        arrived = count;
        if (count == target) {
            LockSupport.unpark(waiter);
        }
    }

    /**
     * Waits until {@code total} notifications have arrived since the listener started.
     *
     * @throws TimeoutException when they do not come in time
     * @throws IllegalStateException when a notification came out of order or was missing
     */
    void awaitTotal(int total, Duration timeout) throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        waiter = Thread.currentThread();
        target = total;
        while (arrived < total) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException(arrived + " of " + total + " notifications arrived in " + timeout);
            }
            LockSupport.parkNanos(this, left);
        }
        if (disorder != null) {
            throw new IllegalStateException(disorder);
        }
    }

    /** When notification {@code sequence} arrived ({@link System#nanoTime()}). */
    long arrivedAt(int sequence) {
        return arrivedAt[sequence];
    }
}
