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
import org.psycopg.r2dbc.protocol.frontend.Execute;
import org.psycopg.r2dbc.protocol.frontend.Flush;
import org.psycopg.r2dbc.protocol.frontend.Sync;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * Emits backend messages only on demand. Past {@link #HIGH_WATER} undelivered messages the
 * session stops reading the socket, so TCP throttles the server; below {@link #LOW_WATER} it
 * reads again. With a fetch size the portal runs in batches: the next Execute goes out once the
 * subscriber has taken the previous batch, and the exchange keeps the write side until its Sync.
 * Cancelling a portal between batches just ends it with Sync; cancelling a running statement
 * sends a CancelRequest (the server stops), throws away what still arrives, and holds later
 * exchanges back until both the cancelled exchange and the cancel request are over, so the
 * signal cannot hit them. All state is confined to the event loop.
 */
final class StreamExchange extends Exchange implements Subscription {

    static final int HIGH_WATER = 256;
    static final int LOW_WATER = 32;

    private final Session session;
    private final Consumer<ByteBuf> request;
    private final int statements;
    private final int fetchSize;
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

    private boolean synced;

    StreamExchange(Session session, Consumer<ByteBuf> request, int statements, int fetchSize,
                   CoreSubscriber<? super BackendMessage> actual) {
        this.session = session;
        this.request = request;
        this.statements = statements;
        this.fetchSize = fetchSize;
        this.synced = fetchSize == 0;
        this.actual = actual;
    }

    @Override
    protected void encode(ByteBuf out) {
        request.accept(out);
    }

    /** A portal fetched in batches keeps later exchanges off the wire until its Sync is sent. */
    @Override
    protected boolean holdsWriteSide() {
        return fetchSize > 0;
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
                || message instanceof EmptyQueryResponse) {
            completed++;
            sync();
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
            session.discardRowsOf(this);
            clearBuffer();
            if (active) {
                stopServerIfRunning();
            }
        });
    }

    /** Ends a portal fetched in batches: Sync closes it, and later exchanges may go to the wire. */
    private void sync() {
        if (!synced) {
            synced = true;
            session.send(Sync.INSTANCE);
            session.releaseWriteSide();
        }
    }

    private void stopServerIfRunning() {
        if (!synced) {
            // Between batches the server waits for us: ending the portal stops it, no CancelRequest needed.
            sync();
            return;
        }
        if (cancelInFlight || ended || (statements >= 0 && completed >= statements)) {
            return;
        }
        cancelInFlight = true;
        holdingWrites = true;
        session.holdWriteSide();
        // Reading nothing until the signal is delivered keeps the server from filling the socket
        // buffers with rows that would only be thrown away.
        session.pauseReading();
        session.cancelRunningQuery()
                .onErrorResume(e -> Mono.empty())
                .subscribe(null, null, () -> onLoop(() -> {
                    cancelInFlight = false;
                    session.resumeReading();
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
                BackendMessage message = buffer.poll();
                if (message instanceof PortalSuspended) {
                    // Every row of the batch has been taken: fetch the next one.
                    session.send(new Execute("", fetchSize));
                    session.send(Flush.INSTANCE);
                    continue;
                }
                demand--;
                actual.onNext(message);
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
