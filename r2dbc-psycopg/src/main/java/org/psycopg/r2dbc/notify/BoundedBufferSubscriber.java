// One subscription through a SubscriberBuffer: takes everything from the source, hands it on as requested.
package org.psycopg.r2dbc.notify;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Requests everything from the source and queues it, up to the buffer's capacity, for the
 * subscriber's demand. The source's thread only appends to the queue (a short lock around the queue
 * operation, never held while the subscriber runs) and then drains if no other thread is draining;
 * delivery is serialised by a work-in-progress counter, so the subscriber sees one signal at a time.
 */
final class BoundedBufferSubscriber<T> implements CoreSubscriber<T>, Subscription {

    @SuppressWarnings("rawtypes")
    private static final AtomicLongFieldUpdater<BoundedBufferSubscriber> REQUESTED =
            AtomicLongFieldUpdater.newUpdater(BoundedBufferSubscriber.class, "requested");
    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<BoundedBufferSubscriber> WIP =
            AtomicIntegerFieldUpdater.newUpdater(BoundedBufferSubscriber.class, "wip");

    private final CoreSubscriber<? super T> actual;
    private final SubscriberBuffer buffer;
    private final ArrayDeque<T> queue = new ArrayDeque<>();

    private Subscription upstream;
    private volatile long requested;
    private volatile int wip;
    private volatile boolean done;
    private volatile Throwable error;
    private volatile boolean overflowed;
    private volatile boolean cancelled;
    private boolean terminated;

    BoundedBufferSubscriber(CoreSubscriber<? super T> actual, SubscriberBuffer buffer) {
        this.actual = actual;
        this.buffer = buffer;
    }

    @Override
    public Context currentContext() {
        return actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription s) {
        if (Operators.validate(upstream, s)) {
            upstream = s;
            actual.onSubscribe(this);
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(T item) {
        if (done || cancelled) {
            return;
        }
        boolean full = false;
        synchronized (queue) {
            if (queue.size() < buffer.capacity()) {
                queue.offer(item);
            } else {
                switch (buffer.overflowPolicy()) {
                    case DROP_OLDEST -> {
                        queue.poll();
                        queue.offer(item);
                        buffer.countDropped(1);
                    }
                    case DROP_LATEST -> buffer.countDropped(1);
                    case ERROR -> full = true;
                }
            }
        }
        if (full) {
            done = true;
            overflowed = true;
            upstream.cancel();
        }
        drain();
    }

    @Override
    public void onError(Throwable t) {
        if (done) {
            Operators.onErrorDropped(t, actual.currentContext());
            return;
        }
        error = t;
        done = true;
        drain();
    }

    @Override
    public void onComplete() {
        if (done) {
            return;
        }
        done = true;
        drain();
    }

    @Override
    public void request(long n) {
        if (Operators.validate(n)) {
            Operators.addCap(REQUESTED, this, n);
            drain();
        }
    }

    @Override
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            upstream.cancel();
            drain();
        }
    }

    private void drain() {
        if (WIP.getAndIncrement(this) != 0) {
            return;
        }
        int missed = 1;
        do {
            if (!terminated) {
                drainOnce();
            }
            missed = WIP.addAndGet(this, -missed);
        } while (missed != 0);
    }

    /** Runs in one thread at a time (the one that raised the work-in-progress counter from zero). */
    private void drainOnce() {
        if (cancelled) {
            clear();
            terminated = true;
            return;
        }
        if (overflowed) {
            // The one that did not fit, and everything the subscriber had not taken yet.
            long lost = 1 + clear();
            buffer.countDropped(lost);
            terminated = true;
            actual.onError(new SubscriberOverflowException(lost, buffer.capacity()));
            return;
        }
        long demand = requested;
        long emitted = 0;
        while (emitted != demand && !cancelled) {
            T item;
            synchronized (queue) {
                item = queue.poll();
            }
            if (item == null) {
                break;
            }
            actual.onNext(item);
            emitted++;
        }
        if (emitted != 0 && demand != Long.MAX_VALUE) {
            REQUESTED.addAndGet(this, -emitted);
        }
        boolean ended = done;
        if (ended && !overflowed && !cancelled && isEmpty()) {
            terminated = true;
            Throwable failure = error;
            if (failure != null) {
                actual.onError(failure);
            } else {
                actual.onComplete();
            }
        }
    }

    private boolean isEmpty() {
        synchronized (queue) {
            return queue.isEmpty();
        }
    }

    private int clear() {
        synchronized (queue) {
            int size = queue.size();
            queue.clear();
            return size;
        }
    }
}
