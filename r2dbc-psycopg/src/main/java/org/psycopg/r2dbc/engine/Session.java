// The conversation with one server over one channel: the exchange queue, routing and flow control.
package org.psycopg.r2dbc.engine;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.psycopg.r2dbc.error.ErrorDetails;
import org.psycopg.r2dbc.error.PostgresNonTransientResourceException;
import org.psycopg.r2dbc.protocol.backend.BackendMessage;
import org.psycopg.r2dbc.protocol.backend.DataRow;
import org.psycopg.r2dbc.protocol.backend.ErrorResponse;
import org.psycopg.r2dbc.protocol.backend.NoticeResponse;
import org.psycopg.r2dbc.protocol.backend.NotificationResponse;
import org.psycopg.r2dbc.protocol.backend.ParameterStatus;
import org.psycopg.r2dbc.protocol.backend.ReadyForQuery;
import org.psycopg.r2dbc.protocol.frontend.FrontendMessage;
import org.psycopg.r2dbc.protocol.frontend.Terminate;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One connection's protocol state, confined to its channel's event loop: public methods may be
 * called from any thread and hop onto the loop.
 *
 * <p>Exchanges go to the wire as soon as they are submitted (pipelining); everything submitted in
 * one burst leaves in one buffer and one flush. Backend messages go to the oldest exchange still
 * waiting until it reports its last one. Notifications, notices and parameter changes are taken
 * out of the stream whenever they arrive. An I/O or protocol error, or a FATAL error from the
 * server, closes the session and fails every queued exchange at once.
 */
public final class Session {

    private final Channel channel;
    private final EventLoop loop;
    private final SocketAddress cancelAddress;
    private final ArrayDeque<Exchange> inFlight = new ArrayDeque<>();
    private final ArrayDeque<Exchange> heldBack = new ArrayDeque<>();
    private final Map<String, String> parameters = new ConcurrentHashMap<>();
    private final Sinks.Many<NotificationResponse> notifications = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<ErrorDetails> notices = Sinks.many().multicast().directBestEffort();

    private ByteBuf pendingWrites;
    private boolean flushScheduled;
    /** Written on the event loop only; read anywhere. */
    private volatile long flushes;
    private boolean writeSideHeld;
    private boolean ready;
    private Runnable writableListener;
    private Exchange discardingRows;
    private volatile Throwable closedCause;
    private volatile char transactionStatus = 'I';
    private volatile int processId;
    private volatile int secretKey;

    Session(Channel channel, SocketAddress cancelAddress) {
        this.channel = channel;
        this.loop = channel.eventLoop();
        this.cancelAddress = cancelAddress;
        channel.closeFuture().addListener(f -> loop.execute(() -> onClosed(null)));
    }

    /** Queues an exchange; it is written at once unless an earlier exchange holds the write side. */
    public void submit(Exchange exchange) {
        if (loop.inEventLoop()) {
            enqueue(exchange);
        } else {
            loop.execute(() -> enqueue(exchange));
        }
    }

    /** Sends a message outside the exchange order, for exchanges that answer the server (SASL, COPY data). */
    public void send(FrontendMessage message) {
        assert loop.inEventLoop();
        ByteBuf out = pendingWrites();
        message.encode(out);
        scheduleFlush();
    }

    /** The rows of this exchange's results are of no interest any more: skip them without decoding. */
    public void discardRowsOf(Exchange exchange) {
        assert loop.inEventLoop();
        discardingRows = exchange;
    }

    /** True while the exchange the server answers now has had its rows discarded. */
    boolean isDiscardingRows() {
        return discardingRows != null && discardingRows == inFlight.peek();
    }

    /** The exchange the server answers now when it reads CopyData in place, else null. */
    Exchange copyDataReader() {
        Exchange head = inFlight.peek();
        return head != null && head.readsCopyDataInPlace() ? head : null;
    }

    /** Holds back every exchange submitted from now on until {@link #releaseWriteSide()}. */
    public void holdWriteSide() {
        assert loop.inEventLoop();
        writeSideHeld = true;
    }

    /** Lets the exchanges held back (behind a COPY IN, or a cancel in progress) go to the wire. */
    public void releaseWriteSide() {
        assert loop.inEventLoop();
        writeSideHeld = false;
        while (!writeSideHeld && !heldBack.isEmpty()) {
            write(heldBack.poll());
        }
    }

    /** Stops reading the socket: the server is throttled by TCP until {@link #resumeReading()}. */
    public void pauseReading() {
        channel.config().setAutoRead(false);
    }

    public void resumeReading() {
        if (!channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
    }

    public EventLoop eventLoop() {
        return loop;
    }

    public boolean isOpen() {
        return closedCause == null && channel.isActive();
    }

    /** The transaction status of the last ReadyForQuery: 'I' idle, 'T' in a transaction, 'E' failed transaction. */
    public char transactionStatus() {
        return transactionStatus;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public int processId() {
        return processId;
    }

    public Sinks.Many<NotificationResponse> notificationSink() {
        return notifications;
    }

    public Sinks.Many<ErrorDetails> noticeSink() {
        return notices;
    }

    /** Asks the server, over a side connection, to stop whatever this session is running. */
    public Mono<Void> cancelRunningQuery() {
        return CancelRequester.cancel(cancelAddress, loop, processId, secretKey);
    }

    /** Sends Terminate and closes the channel; completes when it is closed. */
    public Mono<Void> close() {
        return Mono.create(sink -> loop.execute(() -> {
            if (channel.isActive() && closedCause == null) {
                send(Terminate.INSTANCE);
                flushNow();
            }
            channel.close().addListener(f -> sink.success());
        }));
    }

    /** Called when startup has ended: from now on a FATAL error means the connection is gone. */
    void markReady() {
        ready = true;
    }

    /** Registers what to run whenever the channel becomes writable again (COPY IN resumes), or null. */
    public void onWritable(Runnable listener) {
        writableListener = listener;
    }

    void onWritabilityChanged() {
        Runnable listener = writableListener;
        if (listener != null && channel.isWritable()) {
            listener.run();
        }
    }

    void setBackendKey(int processId, int secretKey) {
        this.processId = processId;
        this.secretKey = secretKey;
    }

    /** Closes the connection because of an error; every exchange fails with it. */
    void fail(Throwable cause) {
        onClosed(cause);
        channel.close();
    }

    void onMessage(BackendMessage message) {
        if (message instanceof DataRow) {
            deliver(message);
        } else if (message instanceof NotificationResponse notification) {
            notifications.tryEmitNext(notification);
        } else if (message instanceof ParameterStatus status) {
            parameters.put(status.name(), status.value());
        } else if (message instanceof NoticeResponse notice) {
            ErrorDetails details = ErrorDetails.from(notice.fields());
            if (notices.currentSubscriberCount() == 0) {
                NoticeLog.log(details);
            }
            notices.tryEmitNext(details);
        } else if (ready && message instanceof ErrorResponse error && isFatal(error)) {
            // The server ends the connection after a FATAL error (pg_terminate_backend, shutdown).
            fail(new PostgresNonTransientResourceException(ErrorDetails.from(error.fields()), null));
        } else {
            if (message instanceof ReadyForQuery ready) {
                transactionStatus = ready.transactionStatus();
            }
            deliver(message);
        }
    }

    private void deliver(BackendMessage message) {
        Exchange head = inFlight.peek();
        if (head == null) {
            ReferenceCountUtil.release(message);
            fail(new R2dbcNonTransientResourceException("Unexpected message from the server with no request waiting: " + message));
            return;
        }
        if (head.onMessage(message)) {
            inFlight.poll();
            if (discardingRows == head) {
                discardingRows = null;
            }
            Exchange next = inFlight.peek();
            if (next != null) {
                next.onActive();
            }
        }
    }

    private static boolean isFatal(ErrorResponse error) {
        String severity = error.fields().get('V');
        if (severity == null) {
            severity = error.fields().get('S');
        }
        return "FATAL".equals(severity) || "PANIC".equals(severity);
    }

    private void enqueue(Exchange exchange) {
        Throwable cause = closedCause;
        if (cause != null || !channel.isActive()) {
            exchange.onFailure(closedException(cause));
        } else if (writeSideHeld) {
            heldBack.add(exchange);
        } else {
            write(exchange);
        }
    }

    private void write(Exchange exchange) {
        ByteBuf out = pendingWrites();
        int mark = out.writerIndex();
        try {
            exchange.encode(out);
        } catch (RuntimeException e) {
            // A value that cannot be encoded fails its own exchange only; nothing of it is sent.
            out.writerIndex(mark);
            exchange.onFailure(e);
            return;
        }
        inFlight.add(exchange);
        writeSideHeld = exchange.holdsWriteSide();
        scheduleFlush();
        if (inFlight.size() == 1) {
            exchange.onActive();
        }
    }

    private ByteBuf pendingWrites() {
        if (pendingWrites == null) {
            pendingWrites = channel.alloc().ioBuffer();
        }
        return pendingWrites;
    }

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            loop.execute(this::flushNow);
        }
    }

    private void flushNow() {
        flushScheduled = false;
        ByteBuf out = pendingWrites;
        pendingWrites = null;
        if (out != null) {
            flushes++;
            channel.writeAndFlush(out).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        }
    }

    /** How many times writes have been flushed to the socket: requests issued in one burst leave in one. */
    public long flushes() {
        return flushes;
    }

    /** True when the channel can take more writes without buffering beyond its high-water mark. */
    public boolean isWritable() {
        return channel.isWritable();
    }

    private void onClosed(Throwable cause) {
        if (closedCause != null) {
            return;
        }
        closedCause = cause != null ? cause : new R2dbcNonTransientResourceException("The connection to the server was closed");
        if (pendingWrites != null) {
            pendingWrites.release();
            pendingWrites = null;
        }
        R2dbcNonTransientResourceException failure = closedException(closedCause);
        Exchange exchange;
        while ((exchange = inFlight.poll()) != null) {
            exchange.onFailure(failure);
        }
        while ((exchange = heldBack.poll()) != null) {
            exchange.onFailure(failure);
        }
        notifications.tryEmitComplete();
        notices.tryEmitComplete();
    }

    private static R2dbcNonTransientResourceException closedException(Throwable cause) {
        if (cause instanceof R2dbcNonTransientResourceException e) {
            return e;
        }
        return new R2dbcNonTransientResourceException(
                "The connection is closed" + (cause != null ? ": " + cause.getMessage() : ""), cause);
    }
}
