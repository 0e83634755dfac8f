// The exchange behind MessageStream: backend messages up to ReadyForQuery, portal batches, and the cancel of a running statement.
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
import reactor.core.CoreSubscriber;

/**
 * Emits backend messages only on demand, as a {@link BufferedExchange}: past {@link #HIGH_WATER}
 * undelivered messages the session stops reading the socket; below {@link #LOW_WATER} it reads
 * again. With a fetch size the portal runs in batches: the next Execute goes out once the
 * subscriber has taken the previous batch, and the exchange keeps the write side until its Sync.
 * Cancelling a portal between batches just ends it with Sync; cancelling a running statement
 * sends a CancelRequest (the server stops) and throws away what still arrives.
 */
final class StreamExchange extends BufferedExchange<BackendMessage> {

    static final int HIGH_WATER = 256;
    static final int LOW_WATER = 32;

    private final Consumer<ByteBuf> request;
    private final int statements;
    private final int fetchSize;
    private final ArrayDeque<BackendMessage> buffer = new ArrayDeque<>();

    private int completed;
    private boolean active;
    private boolean synced;

    StreamExchange(Session session, Consumer<ByteBuf> request, int statements, int fetchSize,
                   CoreSubscriber<? super BackendMessage> actual) {
        super(session, actual, false);
        this.request = request;
        this.statements = statements;
        this.fetchSize = fetchSize;
        this.synced = fetchSize == 0;
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
        if (isCancelled()) {
            stopServerIfRunning();
        }
    }

    @Override
    protected boolean onMessage(BackendMessage message) {
        if (message instanceof ReadyForQuery) {
            end();
            return true;
        }
        if (message instanceof CommandComplete || message instanceof ErrorResponse
                || message instanceof EmptyQueryResponse) {
            completed++;
            // A portal fetched in batches may follow other statements of its request (a BEGIN):
            // the request is over after its last statement, or at an error (the server then waits for Sync).
            if (message instanceof ErrorResponse || statements < 0 || completed >= statements) {
                sync();
            }
        }
        if (isCancelled()) {
            ReferenceCountUtil.release(message);
            return false;
        }
        buffer.add(message);
        drain();
        pauseIfFull();
        return false;
    }

    @Override
    protected boolean isBufferEmpty() {
        return buffer.isEmpty();
    }

    /** PortalSuspended is not emitted: every row of the batch has been taken, so the next batch is fetched. */
    @Override
    protected BackendMessage pollBuffer() {
        BackendMessage message = buffer.poll();
        if (message instanceof PortalSuspended) {
            session.send(new Execute("", fetchSize));
            session.send(Flush.INSTANCE);
            return null;
        }
        return message;
    }

    @Override
    protected boolean isPastHighWater() {
        return buffer.size() >= HIGH_WATER;
    }

    @Override
    protected boolean isBelowLowWater() {
        return buffer.size() <= LOW_WATER;
    }

    @Override
    protected void clearBuffer() {
        BackendMessage message;
        while ((message = buffer.poll()) != null) {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    protected void onCancel() {
        session.discardRowsOf(this);
        if (active) {
            stopServerIfRunning();
        }
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
        if (isEnded() || (statements >= 0 && completed >= statements)) {
            return;
        }
        sendCancelRequest();
    }
}
