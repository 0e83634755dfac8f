// COPY BOTH for the streaming replication protocol: the server's CopyData as a stream, the client's sent alongside.
package org.psycopg.r2dbc.copy;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.psycopg.r2dbc.engine.Session;
import org.psycopg.r2dbc.protocol.backend.CopyData;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * One statement that enters COPY BOTH, such as {@code START_REPLICATION SLOT s LOGICAL 0/0} on a
 * replication connection, and the two directions of its data.
 *
 * <p>{@link #messages()} runs the statement when subscribed (once per instance) and emits each
 * CopyData the server sends (XLogData, primary keepalive...) on demand: without demand the
 * connection stops reading and TCP throttles the server, as for COPY TO STDOUT. Each emitted
 * {@link CopyData} holds a retained slice of the receive buffer, copied nowhere: the subscriber
 * must {@code release()} it once read (tests run Netty's leak detector). Messages are emitted on
 * the connection's event loop; do not block there. The stream completes once both sides have
 * sent CopyDone and the server's CommandComplete and ReadyForQuery have arrived, or fails with
 * the server's error. Results the server sends after the COPY (the next timeline at the end of a
 * physical replication timeline) are released unread.
 *
 * <p>{@link #send(ByteBuffer)} sends a CopyData (standby status update, hot standby feedback),
 * {@link #done()} sends CopyDone; both may be called from any thread once the first message has
 * arrived, and fail with {@link IllegalStateException} before COPY BOTH has begun or after the
 * client's CopyDone. A CopyDone from the server is answered with CopyDone at once. Cancelling the
 * subscription sends CopyDone and releases whatever still arrives. Nothing else is sent on the
 * connection until the statement has ended.
 */
public final class CopyBoth {

    private final Session session;
    private final String sql;
    private final AtomicReference<CopyStreamExchange<CopyData>> exchange = new AtomicReference<>();

    public CopyBoth(Session session, String sql) {
        this.session = Objects.requireNonNull(session, "session");
        this.sql = Objects.requireNonNull(sql, "sql");
    }

    /** Runs the statement and streams the server's CopyData; a second subscription fails. */
    public Flux<CopyData> messages() {
        return new Flux<>() {
            @Override
            public void subscribe(CoreSubscriber<? super CopyData> actual) {
                CopyStreamExchange<CopyData> started = new CopyStreamExchange<>(session, sql, true, new CopyDataQueue(), actual);
                if (!exchange.compareAndSet(null, started)) {
                    Operators.error(actual,
                            new IllegalStateException("COPY BOTH runs once per CopyBoth instance"));
                    return;
                }
                actual.onSubscribe(started);
                session.submit(started);
            }
        };
    }

    /**
     * Sends the bytes between {@code data}'s position and limit as one CopyData; they are copied
     * before the Mono completes, and {@code data} is not moved.
     */
    public Mono<Void> send(ByteBuffer data) {
        Objects.requireNonNull(data, "data");
        return Mono.create(sink -> running().sendData(data, sink));
    }

    /** Sends CopyDone: the client's stream ends, and the server ends its own. */
    public Mono<Void> done() {
        return Mono.create(sink -> running().sendDone(sink));
    }

    private CopyStreamExchange<CopyData> running() {
        CopyStreamExchange<CopyData> started = exchange.get();
        if (started == null) {
            throw new IllegalStateException("COPY BOTH has not begun: subscribe to messages() first");
        }
        return started;
    }
}
