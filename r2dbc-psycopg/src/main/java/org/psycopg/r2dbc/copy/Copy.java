// COPY FROM STDIN and COPY TO STDOUT as reactive streams of bytes: what PsycopgConnection's copyIn and copyOut run.
package org.psycopg.r2dbc.copy;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.psycopg.r2dbc.engine.Session;
import org.reactivestreams.Publisher;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The two directions of COPY over one session, as cold publishers: each subscription runs the
 * statement once, queued in order with the session's other requests. Chunk boundaries need not
 * match rows in either direction; the server splits and joins rows itself. Connections expose
 * these as {@code PsycopgConnection.copyIn} and {@code copyOut}; {@link CopyRows} turns typed
 * rows into such bytes and back.
 */
public final class Copy {

    /** The most bytes one buffer of {@link #toStdout} holds, unless a single server message is larger. */
    public static final int MAX_CHUNK = 64 * 1024;

    private Copy() {
    }

    /**
     * Runs {@code COPY ... FROM STDIN} and sends {@code data} as its input.
     *
     * <p>The data is subscribed to once the server is ready for it, and pulled with bounded demand
     * only while the connection can write: memory stays flat whatever the size. Each buffer's
     * bytes between position and limit are copied before the next is requested; its position is
     * not moved, and the caller may reuse it after {@code onNext} returns.
     *
     * @return the number of rows the server copied. Fails with the server's error (a bad row:
     *         {@code PostgresException.details().where()} names the line and column) or, when
     *         {@code data} fails, with that same error after CopyFail has made the server roll
     *         the COPY back. Cancelling sends CopyFail too. In every case nothing of a failed
     *         COPY is committed and the connection stays usable. Fails with
     *         {@link IllegalArgumentException} when {@code sql} is not a COPY FROM STDIN.
     */
    public static Mono<Long> fromStdin(Session session, String sql, Publisher<? extends ByteBuffer> data) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(data, "data");
        return Mono.create(sink -> {
            CopyInExchange exchange = new CopyInExchange(session, sql, data, sink);
            sink.onCancel(exchange::cancel);
            session.submit(exchange);
        });
    }

    /**
     * Runs {@code COPY ... TO STDOUT} and emits its output.
     *
     * <p>Each buffer is a heap buffer that belongs to the subscriber and may be kept: its bytes
     * were copied out of the connection's buffers and are never written again (buffers may share
     * a backing array, each with its own region). It holds one or more whole CopyData messages of
     * the server, at most {@link #MAX_CHUNK} bytes unless one message is larger: for text and CSV
     * COPY, whole rows. Buffers are emitted on the connection's event loop, only on demand;
     * without demand the connection stops reading and the server waits. Cancelling stops the server's COPY with a CancelRequest; the connection
     * stays usable. Fails with the server's error after the data received before it, or with
     * {@link IllegalArgumentException} when {@code sql} is not a COPY TO STDOUT.
     */
    public static Flux<ByteBuffer> toStdout(Session session, String sql) {
        Objects.requireNonNull(sql, "sql");
        return new Flux<>() {
            @Override
            public void subscribe(CoreSubscriber<? super ByteBuffer> actual) {
                CopyStreamExchange<ByteBuffer> exchange = new CopyStreamExchange<>(session, sql, false,
                        new CopyChunks(MAX_CHUNK), actual);
                actual.onSubscribe(exchange);
                session.submit(exchange);
            }
        };
    }
}
