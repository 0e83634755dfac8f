// COPY TO STDOUT and COPY BOTH on the wire: the server's CopyData, emitted on demand, with flow control and cancellation.
package org.psycopg.r2dbc.copy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCountUtil;
import io.r2dbc.spi.R2dbcException;
import java.nio.ByteBuffer;
import org.psycopg.r2dbc.engine.BufferedExchange;
import org.psycopg.r2dbc.engine.Session;
import org.psycopg.r2dbc.error.ErrorMapping;
import org.psycopg.r2dbc.protocol.backend.BackendMessage;
import org.psycopg.r2dbc.protocol.backend.CommandComplete;
import org.psycopg.r2dbc.protocol.backend.CopyBothResponse;
import org.psycopg.r2dbc.protocol.backend.CopyDone;
import org.psycopg.r2dbc.protocol.backend.CopyInResponse;
import org.psycopg.r2dbc.protocol.backend.CopyOutResponse;
import org.psycopg.r2dbc.protocol.backend.ErrorResponse;
import org.psycopg.r2dbc.protocol.backend.ReadyForQuery;
import org.psycopg.r2dbc.protocol.backend.RowDescription;
import org.psycopg.r2dbc.protocol.frontend.CopyFail;
import org.psycopg.r2dbc.protocol.frontend.FrontendMessage;
import org.psycopg.r2dbc.protocol.frontend.Query;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.MonoSink;

/**
 * Runs one statement whose server side streams CopyData: COPY TO STDOUT, or a statement that
 * enters COPY BOTH (START_REPLICATION). Elements are made from the received CopyData by a
 * {@link CopyBuffer} and emitted only on demand, as a {@link BufferedExchange}, once the messages
 * of one read from the socket have all arrived, so that the buffer may gather several into one
 * element. Past {@link #HIGH_WATER_ELEMENTS} elements or {@link #HIGH_WATER_BYTES} bytes not yet
 * emitted, the session stops reading the socket, so TCP throttles the server; it reads again
 * below the low-water marks.
 *
 * <p>The exchange holds the write side until its ReadyForQuery: nothing may reach the server
 * while it is in a COPY mode, and a cancel signal must not hit a later statement. In COPY BOTH
 * the owner sends its own CopyData and CopyDone through {@link #sendData} and
 * {@link #sendDone}; a CopyDone from the server is answered with CopyDone.
 *
 * <p>Cancelling the subscription stops the server: a COPY TO STDOUT by a CancelRequest (sent
 * once the server has begun the COPY, the socket unread until the request has been delivered),
 * a COPY BOTH by the client's CopyDone. What still arrives is released unread, and later
 * exchanges wait until both the statement and the cancel request are over. A server error is
 * signalled after the data received before it. All state is confined to the event loop.
 */
final class CopyStreamExchange<T> extends BufferedExchange<T> {

    /** The client's CopyDone (the backend message of the same name is imported). */
    private static final FrontendMessage CLIENT_COPY_DONE = org.psycopg.r2dbc.protocol.frontend.CopyDone.INSTANCE;

    static final int HIGH_WATER_ELEMENTS = 256;
    static final int LOW_WATER_ELEMENTS = 32;
    static final long HIGH_WATER_BYTES = 1024 * 1024;
    static final long LOW_WATER_BYTES = 256 * 1024;

    private final String sql;
    private final boolean both;
    private final CopyBuffer<T> buffer;

    private boolean copying;
    private boolean clientDone;
    private boolean commandComplete;
    private boolean drainScheduled;
    private R2dbcException error;
    private String unexpected;

    /**
     * @param both true for a statement that enters COPY BOTH, false for COPY TO STDOUT
     * @param buffer keeps the received data and makes the elements
     */
    CopyStreamExchange(Session session, String sql, boolean both, CopyBuffer<T> buffer,
                       CoreSubscriber<? super T> actual) {
        super(session, actual, true);
        this.sql = sql;
        this.both = both;
        this.buffer = buffer;
    }

    @Override
    protected void encode(ByteBuf out) {
        new Query(sql).encode(out);
    }

    @Override
    protected boolean holdsWriteSide() {
        return true;
    }

    /** CopyData skips the decoder: its bytes go from the receive buffer straight into the buffer of elements. */
    @Override
    protected boolean readsCopyDataInPlace() {
        return true;
    }

    @Override
    protected void onCopyData(ByteBuf received, int index, int length) {
        if (isCancelled()) {
            return;
        }
        buffer.add(received, index, length);
        pauseIfFull();
    }

    @Override
    protected void onCopyDataEnd() {
        if (!drainScheduled && !isCancelled()) {
            // Emitted once the messages of this read have all arrived, gathered into fewer elements.
            drainScheduled = true;
            session.eventLoop().execute(this::scheduledDrain);
        }
    }

    @Override
    protected boolean onMessage(BackendMessage message) {
        if (message instanceof ReadyForQuery) {
            end();
            return true;
        }
        if (message instanceof CopyOutResponse || message instanceof CopyBothResponse) {
            copying = true;
            if (isCancelled()) {
                stopServer();
            }
        } else if (message instanceof CopyDone) {
            if (both && !clientDone) {
                clientDone = true;
                session.send(CLIENT_COPY_DONE);
            }
        } else if (message instanceof CommandComplete) {
            commandComplete = true;
        } else if (message instanceof ErrorResponse response) {
            if (error == null) {
                error = ErrorMapping.toException(response.fields(), sql);
            }
        } else if (message instanceof CopyInResponse) {
            unexpected = "needs a statement that sends data, not COPY ... FROM STDIN: " + sql;
            session.send(new CopyFail("this call reads COPY data; it has none to send"));
        } else if (message instanceof RowDescription && !copying) {
            unexpected = "needs COPY ... TO STDOUT, not a statement that returns rows: " + sql;
        }
        ReferenceCountUtil.release(message);
        return false;
    }

    @Override
    protected boolean isBufferEmpty() {
        return buffer.isEmpty();
    }

    @Override
    protected T pollBuffer() {
        return buffer.poll();
    }

    @Override
    protected boolean isPastHighWater() {
        return buffer.size() >= HIGH_WATER_ELEMENTS || buffer.bytes() >= HIGH_WATER_BYTES;
    }

    @Override
    protected boolean isBelowLowWater() {
        return buffer.size() <= LOW_WATER_ELEMENTS && buffer.bytes() <= LOW_WATER_BYTES;
    }

    @Override
    protected void clearBuffer() {
        buffer.clear();
    }

    @Override
    protected void onCancel() {
        if (copying) {
            stopServer();
        }
    }

    @Override
    protected Throwable endError() {
        if (unexpected != null || (!copying && error == null)) {
            return new IllegalArgumentException(unexpected != null ? unexpected
                    : "needs COPY ... TO STDOUT or a statement that starts COPY BOTH: " + sql);
        }
        return error;
    }

    /**
     * COPY BOTH: sends {@code data} (copied, from position to limit) as one CopyData; fails the
     * sink unless the server is in COPY BOTH and the client has not sent CopyDone.
     */
    void sendData(ByteBuffer data, MonoSink<Void> sink) {
        onLoop(() -> {
            if (!canSend(sink)) {
                return;
            }
            ByteBuf wrapped = Unpooled.wrappedBuffer(data);
            session.send(new org.psycopg.r2dbc.protocol.frontend.CopyData(wrapped));
            wrapped.release();
            sink.success();
        });
    }

    /** COPY BOTH: sends CopyDone; the server ends its stream too (CopyDone, CommandComplete). */
    void sendDone(MonoSink<Void> sink) {
        onLoop(() -> {
            if (!canSend(sink)) {
                return;
            }
            clientDone = true;
            session.send(CLIENT_COPY_DONE);
            sink.success();
        });
    }

    private boolean canSend(MonoSink<Void> sink) {
        if (both && copying && !clientDone && !isEnded() && !commandComplete && error == null) {
            return true;
        }
        sink.error(new IllegalStateException(!copying && !isEnded()
                ? "COPY BOTH has not begun yet: wait for the first message" : "COPY BOTH is over on the client side"));
        return false;
    }

    /** COPY BOTH ends with the client's CopyDone; COPY TO STDOUT with a CancelRequest, unless it is over. */
    private void stopServer() {
        if (both) {
            if (!clientDone) {
                clientDone = true;
                session.send(CLIENT_COPY_DONE);
            }
            return;
        }
        if (!commandComplete && !isEnded()) {
            sendCancelRequest();
        }
    }

    private void scheduledDrain() {
        drainScheduled = false;
        drain();
    }
}
