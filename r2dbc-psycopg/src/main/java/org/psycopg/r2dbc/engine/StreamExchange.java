// The exchange behind MessageStream: buffering, demand, flow control and cancellation.
package org.psycopg.r2dbc.engine;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.psycopg.r2dbc.protocol.backend.BackendMessage;
import org.psycopg.r2dbc.protocol.backend.CommandComplete;
import org.psycopg.r2dbc.protocol.backend.EmptyQueryResponse;
import org.psycopg.r2dbc.protocol.backend.ErrorResponse;
import org.psycopg.r2dbc.protocol.backend.PortalSuspended;
import org.psycopg.r2dbc.protocol.backend.ReadyForQuery;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * Emits backend messages only on demand. Past {@link #HIGH_WATER} undelivered messages the
 * session stops reading the socket, so TCP throttles the server; below {@link #LOW_WATER} it
 * reads again. Cancelling before the server has finished sends a CancelRequest (the server
 * stops), throws away what still arrives, and holds later exchanges back until both the
 * cancelled exchange and the cancel request are over, so the signal cannot hit them.
 * All state is confined to the event loop.
 */
final class StreamExchange extends Exchange implements Subscription {

    static final int HIGH_WATER = 256;
    static final int LOW_WATER = 32;

    private final Session session;
    private final Consumer<ByteBuf> request;
    private final int statements;
    private final CoreSubscriber<? super BackendMessage> actual;
    private final ArrayDeque<BackendMessage> buffer = new ArrayDeque<>();

    private long demand;
    private int completed;
    private boolean active;
    private boolean ended;
    private boolean terminated;
    private boolean cancelled;
    private boolean cancelInFlight;
    private boolean holdingWrites;
    private boolean paused;
    private boolean draining;

    StreamExchange(Session session, Consumer<ByteBuf> request, int statements, CoreSubscriber<? super BackendMessage> actual) {
        this.session = session;
        this.request = request;
        this.statements = statements;
        this.actual = actual;
    }

    @Override
    protected void encode(ByteBuf out) {
        request.accept(out);
    }

    @Override
    protected void onActive() {
        active = true;
        if (cancelled) {
            stopServerIfRunning();
        }
    }

    @Override
    protected boolean onMessage(BackendMessage message) {
        if (message instanceof ReadyForQuery) {
            ended = true;
            if (cancelled) {
                releaseWritesIfDone();
            } else {
                drain();
            }
            return true;
        }
        if (message instanceof CommandComplete || message instanceof ErrorResponse
                || message instanceof EmptyQueryResponse || message instanceof PortalSuspended) {
            completed++;
        }
        if (cancelled) {
            ReferenceCountUtil.release(message);
            return false;
        }
        buffer.add(message);
        drain();
        if (!paused && buffer.size() >= HIGH_WATER) {
            paused = true;
            session.pauseReading();
        }
        return false;
    }

    @Override
    protected void onFailure(Throwable cause) {
        ended = true;
        clearBuffer();
        if (!cancelled && !terminated) {
            terminated = true;
            actual.onError(cause);
        }
    }

    @Override
    public void request(long n) {
        if (Operators.validate(n)) {
            onLoop(() -> {
                demand = Operators.addCap(demand, n);
                drain();
            });
        }
    }

    @Override
    public void cancel() {
        onLoop(() -> {
            if (cancelled || terminated) {
                return;
            }
            cancelled = true;
            clearBuffer();
            if (active) {
                stopServerIfRunning();
            }
        });
    }

    private void stopServerIfRunning() {
        if (cancelInFlight || ended || (statements >= 0 && completed >= statements)) {
            return;
        }
        cancelInFlight = true;
        holdingWrites = true;
        session.holdWriteSide();
        session.cancelRunningQuery()
                .onErrorResume(e -> Mono.empty())
                .subscribe(null, null, () -> onLoop(() -> {
                    cancelInFlight = false;
                    releaseWritesIfDone();
                }));
    }

    private void releaseWritesIfDone() {
        if (ended && !cancelInFlight && holdingWrites) {
            holdingWrites = false;
            session.releaseWriteSide();
        }
    }

    private void drain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (demand > 0 && !buffer.isEmpty() && !cancelled) {
                demand--;
                actual.onNext(buffer.poll());
            }
            if (paused && buffer.size() <= LOW_WATER) {
                paused = false;
                session.resumeReading();
            }
            if (ended && buffer.isEmpty() && !terminated && !cancelled) {
                terminated = true;
                actual.onComplete();
            }
        } finally {
            draining = false;
        }
    }

    private void clearBuffer() {
        BackendMessage message;
        while ((message = buffer.poll()) != null) {
            ReferenceCountUtil.release(message);
        }
        if (paused) {
            paused = false;
            session.resumeReading();
        }
    }

    private void onLoop(Runnable task) {
        if (session.eventLoop().inEventLoop()) {
            task.run();
        } else {
            session.eventLoop().execute(task);
        }
    }
}
