// COPY FROM STDIN on the wire: the publisher's bytes as CopyData while the channel is writable, then CopyDone or CopyFail.
package org.psycopg.r2dbc.copy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCountUtil;
import io.r2dbc.spi.R2dbcException;
import java.nio.ByteBuffer;
import org.psycopg.r2dbc.engine.Exchange;
import org.psycopg.r2dbc.engine.Session;
import org.psycopg.r2dbc.error.ErrorMapping;
import org.psycopg.r2dbc.protocol.backend.BackendMessage;
import org.psycopg.r2dbc.protocol.backend.CommandComplete;
import org.psycopg.r2dbc.protocol.backend.CopyBothResponse;
import org.psycopg.r2dbc.protocol.backend.CopyInResponse;
import org.psycopg.r2dbc.protocol.backend.CopyOutResponse;
import org.psycopg.r2dbc.protocol.backend.ErrorResponse;
import org.psycopg.r2dbc.protocol.backend.ReadyForQuery;
import org.psycopg.r2dbc.protocol.backend.RowDescription;
import org.psycopg.r2dbc.protocol.frontend.CopyData;
import org.psycopg.r2dbc.protocol.frontend.CopyDone;
import org.psycopg.r2dbc.protocol.frontend.CopyFail;
import org.psycopg.r2dbc.protocol.frontend.Query;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.MonoSink;

/**
 * Runs one COPY FROM STDIN. The exchange holds the write side from its Query to its CopyDone or
 * CopyFail, so that nothing interleaves with its CopyData. It subscribes to the data once the
 * server has answered CopyInResponse and requests at most {@link #PREFETCH} buffers ahead; more
 * are requested only after what was sent has been flushed and while the channel is writable, so
 * a fast publisher cannot fill memory faster than the server reads.
 *
 * <p>Endings: the publisher completes: CopyDone, and the sink gets the row count of the
 * server's CommandComplete. The publisher fails, or the sink is cancelled: CopyFail, and the
 * server rolls the COPY back. The server fails the COPY (a bad row): the publisher is
 * cancelled and the sink gets the server's error. In every case the connection is usable once
 * ReadyForQuery has arrived. Publisher signals may come from any thread; they are handled in
 * order on the event loop, where all state lives.
 */
final class CopyInExchange extends Exchange implements Subscriber<ByteBuffer> {

    /** Buffers requested ahead of what has been sent. */
    static final int PREFETCH = 32;

    /** Larger buffers go out as several CopyData messages of at most this size. */
    static final int MAX_MESSAGE = 256 * 1024;

    private final Session session;
    private final String sql;
    private final Publisher<? extends ByteBuffer> data;
    private final MonoSink<Long> sink;

    private Subscription upstream;
    private boolean subscribed;
    private boolean dataEnded;
    private boolean writeSideHeld = true;
    private boolean cancelled;
    private boolean waitingForWritable;
    private boolean replenishQueued;
    private int outstanding;
    private long rows = -1;
    private Throwable dataError;
    private R2dbcException serverError;
    private String unexpected;

    CopyInExchange(Session session, String sql, Publisher<? extends ByteBuffer> data, MonoSink<Long> sink) {
        this.session = session;
        this.sql = sql;
        this.data = data;
        this.sink = sink;
    }

    @Override
    protected void encode(ByteBuf out) {
        new Query(sql).encode(out);
    }

    @Override
    protected boolean holdsWriteSide() {
        return true;
    }

    @Override
    protected boolean onMessage(BackendMessage message) {
        if (message instanceof CopyInResponse) {
            startCopy();
        } else if (message instanceof ErrorResponse error) {
            // The server has left COPY mode: whatever CopyData is still on its way is dropped there.
            serverError = ErrorMapping.toException(error.fields(), sql);
            endData();
        } else if (message instanceof CommandComplete complete) {
            rows = complete.rows();
        } else if (message instanceof ReadyForQuery) {
            endData();
            releaseWriteSide();
            complete();
            return true;
        } else if (message instanceof CopyOutResponse || message instanceof RowDescription) {
            // The write side stays held until ReadyForQuery: a later statement of the same query string may still be a COPY IN.
            unexpected = "copyIn needs COPY ... FROM STDIN, not a statement that returns data: " + sql;
        } else if (message instanceof CopyBothResponse) {
            unexpected = "copyIn needs COPY ... FROM STDIN, not a statement that starts COPY BOTH: " + sql;
            session.send(CopyDone.INSTANCE);
        }
        ReferenceCountUtil.release(message);
        return false;
    }

    @Override
    protected void onFailure(Throwable cause) {
        endData();
        if (!cancelled) {
            sink.error(cause);
        }
    }

    /** The sink was cancelled: a COPY in progress is failed, so that nothing of it is committed. */
    void cancel() {
        onLoop(() -> {
            if (cancelled) {
                return;
            }
            cancelled = true;
            if (subscribed && !dataEnded) {
                failCopy("COPY cancelled by the client");
            }
        });
    }

    private void startCopy() {
        if (subscribed) {
            // A second COPY in the same query string: the data has been used by the first.
            session.send(new CopyFail("copyIn runs one COPY FROM STDIN per call"));
            return;
        }
        subscribed = true;
        if (cancelled) {
            failCopy("COPY cancelled by the client");
            return;
        }
        session.onWritable(this::onWritable);
        try {
            data.subscribe(this);
        } catch (RuntimeException e) {
            // A publisher that breaks the Reactive Streams rules must not break the connection.
            dataError = e;
            failCopy(copyFailMessage(e));
        }
    }

    // ---- the publisher's signals, each handled on the event loop in the order they came

    @Override
    public void onSubscribe(Subscription subscription) {
        session.eventLoop().execute(() -> {
            if (upstream != null || dataEnded) {
                subscription.cancel();
                return;
            }
            upstream = subscription;
            outstanding = PREFETCH;
            subscription.request(PREFETCH);
        });
    }

    @Override
    public void onNext(ByteBuffer buffer) {
        session.eventLoop().execute(() -> {
            if (dataEnded) {
                return;
            }
            outstanding--;
            send(buffer);
            if (outstanding <= PREFETCH / 2 && !replenishQueued) {
                // Queued behind the flush this send scheduled: writability is known once it has run.
                replenishQueued = true;
                session.eventLoop().execute(this::replenish);
            }
        });
    }

    @Override
    public void onError(Throwable error) {
        session.eventLoop().execute(() -> {
            if (dataEnded) {
                return;
            }
            dataError = error;
            failCopy(copyFailMessage(error));
        });
    }

    @Override
    public void onComplete() {
        session.eventLoop().execute(() -> {
            if (dataEnded) {
                return;
            }
            upstream = null;
            dataEnded = true;
            session.onWritable(null);
            session.send(CopyDone.INSTANCE);
            releaseWriteSide();
        });
    }

    private void send(ByteBuffer buffer) {
        ByteBuffer rest = buffer.duplicate();
        while (rest.hasRemaining()) {
            int length = Math.min(rest.remaining(), MAX_MESSAGE);
            ByteBuffer piece = rest.slice();
            piece.limit(length);
            rest.position(rest.position() + length);
            ByteBuf wrapped = Unpooled.wrappedBuffer(piece);
            session.send(new CopyData(wrapped));
            wrapped.release();
        }
    }

    private void replenish() {
        replenishQueued = false;
        if (dataEnded || upstream == null) {
            return;
        }
        if (!session.isWritable()) {
            waitingForWritable = true;
            return;
        }
        int more = PREFETCH - outstanding;
        if (more > 0) {
            outstanding = PREFETCH;
            upstream.request(more);
        }
    }

    private void onWritable() {
        if (waitingForWritable) {
            waitingForWritable = false;
            replenish();
        }
    }

    /** Sends CopyFail: the server answers with an error, and nothing of the COPY is committed. */
    private void failCopy(String reason) {
        endData();
        session.send(new CopyFail(reason));
        releaseWriteSide();
    }

    /** No more data is taken from the publisher. */
    private void endData() {
        if (!dataEnded) {
            dataEnded = true;
            session.onWritable(null);
            if (upstream != null) {
                upstream.cancel();
                upstream = null;
            }
        }
    }

    private void releaseWriteSide() {
        if (writeSideHeld) {
            writeSideHeld = false;
            session.releaseWriteSide();
        }
    }

    private void complete() {
        if (cancelled) {
            return;
        }
        if (dataError != null) {
            if (serverError != null) {
                dataError.addSuppressed(serverError);
            }
            sink.error(dataError);
        } else if (serverError != null) {
            sink.error(serverError);
        } else if (unexpected != null) {
            sink.error(new IllegalArgumentException(unexpected));
        } else if (!subscribed) {
            sink.error(new IllegalArgumentException("copyIn needs COPY ... FROM STDIN: " + sql));
        } else {
            sink.success(rows);
        }
    }

    /** The publisher's error as a CopyFail reason: its message, without the NUL characters a C string cannot hold. */
    private static String copyFailMessage(Throwable error) {
        String message = error.getMessage() != null ? error.getMessage() : error.getClass().getName();
        return message.replace('\0', ' ');
    }

    private void onLoop(Runnable task) {
        if (session.eventLoop().inEventLoop()) {
            task.run();
        } else {
            session.eventLoop().execute(task);
        }
    }
}
