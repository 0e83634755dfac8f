// A bounded buffer per subscriber of a hot stream, with an overflow policy and a drop counter.
package org.psycopg.r2dbc.notify;

import java.util.concurrent.atomic.LongAdder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

/**
 * How a subscriber of a hot stream (notifications, notices, listener events) is decoupled from the
 * connection: every subscription made through {@link #bound(Publisher)} takes everything the source
 * emits at once, never holding the source back, and keeps what its subscriber has not asked for yet
 * in a buffer of at most {@link #capacity()} items. When that buffer is full the
 * {@linkplain #overflowPolicy() overflow policy} applies; nothing is ever lost without being
 * counted in {@link #dropped()} (and, under {@link OverflowPolicy#ERROR}, reported to the subscriber).
 *
 * <p>Items are delivered in the order they arrived, on the thread that emitted them when the
 * subscriber has demand (for a connection's streams, its event loop: do not block there, use
 * {@code publishOn} for slow work), otherwise on the thread that calls {@code request}.
 *
 * <p>Thread-safe. One instance may serve many subscriptions; its counter adds up their drops.
 */
public final class SubscriberBuffer {

    /** The capacity of {@link #defaults()}. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final OverflowPolicy overflowPolicy;
    private final LongAdder dropped = new LongAdder();

    private SubscriberBuffer(int capacity, OverflowPolicy overflowPolicy) {
        this.capacity = capacity;
        this.overflowPolicy = overflowPolicy;
    }

    /**
     * A buffer of {@code capacity} items per subscriber with the given overflow policy and a fresh
     * drop counter.
     *
     * @throws IllegalArgumentException if capacity is not positive or the policy is null
     */
    public static SubscriberBuffer of(int capacity, OverflowPolicy overflowPolicy) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        if (overflowPolicy == null) {
            throw new IllegalArgumentException("overflowPolicy must not be null");
        }
        return new SubscriberBuffer(capacity, overflowPolicy);
    }

    /** {@value #DEFAULT_CAPACITY} items per subscriber, {@link OverflowPolicy#ERROR}, a fresh counter. */
    public static SubscriberBuffer defaults() {
        return of(DEFAULT_CAPACITY, OverflowPolicy.ERROR);
    }

    public int capacity() {
        return capacity;
    }

    public OverflowPolicy overflowPolicy() {
        return overflowPolicy;
    }

    /** How many items the subscriptions made through this buffer have dropped so far, all policies counted. */
    public long dropped() {
        return dropped.sum();
    }

    /**
     * The hot source seen through this buffer: each subscription requests everything from the source
     * and buffers for its own subscriber as described above. Cancelling cancels the source
     * subscription; an error or completion of the source reaches the subscriber after the items
     * buffered before it.
     */
    public <T> Flux<T> bound(Publisher<? extends T> source) {
        return Flux.from(subscriber -> source.subscribe(
                new BoundedBufferSubscriber<T>(Operators.toCoreSubscriber(subscriber), this)));
    }

    void countDropped(long count) {
        dropped.add(count);
    }
}
