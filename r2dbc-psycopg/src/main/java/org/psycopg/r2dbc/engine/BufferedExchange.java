// What every exchange that streams to one subscriber shares: demand, draining, read pausing, termination, cancel requests.
package org.psycopg.r2dbc.engine;

import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * An exchange whose backend data is kept in a buffer of its own and emitted to one subscriber,
 * only on demand. A subclass fills the buffer as messages arrive and says how full it is; this
 * class emits from it, stops reading the socket when the buffer is past its high-water mark (TCP
 * then throttles the server) and reads again once the subscriber has taken it below its low-water
 * mark, and signals the end once the exchange has {@link #end() ended} and everything buffered
 * has been taken. Cancelling releases what is buffered and lets the subclass stop the server;
 * {@link #sendCancelRequest()} does so with a CancelRequest, holding later exchanges back until
 * both this exchange and the request are over, so that the signal cannot hit them. All state is
 * confined to the event loop; {@link #request} and {@link #cancel} may be called from any thread.
 *
 * @param <T> the elements emitted
 */
public abstract class BufferedExchange<T> extends Exchange implements Subscription {

    protected final Session session;
    private final CoreSubscriber<? super T> actual;

    private long demand;
    private boolean ended;
    private boolean terminated;
    private boolean cancelled;
    private boolean paused;
    private boolean draining;
    private boolean cancelRequested;
    private boolean cancelInFlight;
    private boolean holdingWrites;

    /**
     * @param holdsWritesUntilEnd true for an exchange that holds the write side from the moment it
     *                            is written ({@link #holdsWriteSide()}) until its end, which then
     *                            releases it
     */
    protected BufferedExchange(Session session, CoreSubscriber<? super T> actual, boolean holdsWritesUntilEnd) {
        this.session = session;
        this.actual = actual;
        this.holdingWrites = holdsWritesUntilEnd;
    }

    /** True when nothing is buffered. */
    protected abstract boolean isBufferEmpty();

    /**
     * Takes the next buffered entry (the buffer is not empty): the element to emit, or null for an
     * entry that the subclass has acted on itself and that takes no demand.
     */
    protected abstract T pollBuffer();

    /** True when the buffer is full enough that the socket should not be read. */
    protected abstract boolean isPastHighWater();

    /** True when the buffer has emptied enough that the socket may be read again. */
    protected abstract boolean isBelowLowWater();

    /** Releases everything buffered. */
    protected abstract void clearBuffer();

    /** The subscriber has cancelled (once, on the event loop, after the buffer was cleared): stop the server's work if it runs. */
    protected abstract void onCancel();

    /** How the stream ends once everything buffered has been emitted: null to complete, else the error to signal. */
    protected Throwable endError() {
        return null;
    }

    @Override
    public final void request(long n) {
        if (Operators.validate(n)) {
            onLoop(() -> {
                demand = Operators.addCap(demand, n);
                drain();
            });
        }
    }

    @Override
    public final void cancel() {
        onLoop(() -> {
            if (cancelled || terminated) {
                return;
            }
            cancelled = true;
            release();
            onCancel();
        });
    }

    /** The connection failed: what is buffered is released and the subscriber, unless it cancelled, gets the error. */
    @Override
    protected void onFailure(Throwable cause) {
        ended = true;
        release();
        if (!cancelled && !terminated) {
            terminated = true;
            actual.onError(cause);
        }
    }

    /** The exchange has received its last message: the end is signalled once the buffer is emptied. */
    protected final void end() {
        ended = true;
        releaseWritesIfDone();
        drain();
    }

    protected final boolean isEnded() {
        return ended;
    }

    protected final boolean isCancelled() {
        return cancelled;
    }

    /** Stops reading the socket when the buffer has just passed its high-water mark. */
    protected final void pauseIfFull() {
        if (!paused && isPastHighWater()) {
            paused = true;
            session.pauseReading();
        }
    }

    /** Emits what the demand allows, reads the socket again when the buffer is low, and signals the end when it is due. */
    protected final void drain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (demand > 0 && !cancelled && !isBufferEmpty()) {
                T element = pollBuffer();
                if (element != null) {
                    demand--;
                    actual.onNext(element);
                }
            }
            if (paused && isBelowLowWater()) {
                paused = false;
                session.resumeReading();
            }
            if (ended && !terminated && !cancelled && isBufferEmpty()) {
                terminated = true;
                Throwable error = endError();
                if (error != null) {
                    actual.onError(error);
                } else {
                    actual.onComplete();
                }
            }
        } finally {
            draining = false;
        }
    }

    /**
     * Asks the server, once, to stop the running statement. Until the request has been delivered
     * the socket is not read (it would only bring data to throw away, and keep the event loop from
     * the request's own connection); later exchanges wait until both this exchange and the request
     * are over.
     */
    protected final void sendCancelRequest() {
        if (cancelRequested) {
            return;
        }
        cancelRequested = true;
        cancelInFlight = true;
        if (!holdingWrites) {
            holdingWrites = true;
            session.holdWriteSide();
        }
        session.pauseReading();
        session.cancelRunningQuery()
                .onErrorResume(e -> Mono.empty())
                .subscribe(null, null, () -> onLoop(() -> {
                    cancelInFlight = false;
                    session.resumeReading();
                    releaseWritesIfDone();
                }));
    }

    protected final void onLoop(Runnable task) {
        if (session.eventLoop().inEventLoop()) {
            task.run();
        } else {
            session.eventLoop().execute(task);
        }
    }

    private void releaseWritesIfDone() {
        if (ended && !cancelInFlight && holdingWrites) {
            holdingWrites = false;
            session.releaseWriteSide();
        }
    }

    private void release() {
        clearBuffer();
        if (paused) {
            paused = false;
            session.resumeReading();
        }
    }
}
