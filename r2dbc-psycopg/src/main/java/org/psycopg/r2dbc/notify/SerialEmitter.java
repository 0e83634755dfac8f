// Lets several threads emit into one sink without waiting for each other.
package org.psycopg.r2dbc.notify;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Sinks;

/**
 * Serialises emissions into a {@link Sinks.Many} coming from several threads (the event loops of
 * successive connections, a timer, a caller of close): each call appends to a queue and whichever
 * thread finds no emission in progress emits everything queued, in order. No caller ever waits for
 * another, and a terminal signal goes out after every item queued before it.
 */
final class SerialEmitter<T> {

    private final Sinks.Many<T> sink;
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile Throwable failure;
    private volatile boolean ended;

    SerialEmitter(Sinks.Many<T> sink) {
        this.sink = sink;
    }

    void next(T item) {
        queue.offer(item);
        drain();
    }

    void complete() {
        ended = true;
        drain();
    }

    void error(Throwable cause) {
        failure = cause;
        ended = true;
        drain();
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            T item;
            while ((item = queue.poll()) != null) {
                // With no subscriber the item has nobody to go to: a hot stream.
                sink.tryEmitNext(item);
            }
            if (ended) {
                Throwable cause = failure;
                if (cause != null) {
                    sink.tryEmitError(cause);
                } else {
                    sink.tryEmitComplete();
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }
}
