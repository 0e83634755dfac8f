// A started replication: the server's XLogData as a backpressured Flux, progress reported back on a timer and on request.
package org.psycopg.r2dbc.replication;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.psycopg.r2dbc.codec.Lsn;
import org.psycopg.r2dbc.copy.CopyBoth;
import org.psycopg.r2dbc.protocol.backend.CopyData;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;

/**
 * The stream of one {@code START_REPLICATION}. {@link #messages()} runs the command when
 * subscribed (once) and emits each XLogData on demand: without demand the connection stops
 * reading and TCP holds the server back. Primary keepalives are handled here and not emitted.
 *
 * <p>Progress: the consumer calls {@link #acknowledge(Lsn)} once it has durably handled a
 * message (a logical message's {@link XLogData#start()}, physical WAL's
 * {@link XLogData#payloadEnd()}). Only acknowledged positions are reported to the server as
 * flushed and applied, so a slot restarted after a crash resends everything after the last
 * acknowledgement: at least once, nothing lost. A Standby Status Update goes out every
 * {@link ReplicationStreamOptions#statusInterval()} and whenever a keepalive asks for a reply,
 * from a timer and the connection's event loop, so a consumer that requests nothing for a long
 * time is not cut off by {@code wal_sender_timeout}. With
 * {@link ReplicationStreamOptions#advanceOnKeepalive()} on, once everything delivered is
 * acknowledged a keepalive's WAL position counts as acknowledged, so an idle database does not
 * make the slot hold WAL forever; {@link ReplicationStreamOptions#heartbeatInterval()} adds a
 * logical decoding message, written on a normal connection, whenever the stream has been quiet.
 *
 * <p>Messages are emitted on the connection's event loop: do not block there (hand them on with
 * {@code publishOn}). Cancelling the subscription or {@link #stop()} reports the acknowledged
 * position and ends the COPY BOTH; the connection then takes replication commands again.
 * Thread-safe.
 */
public final class ReplicationStream {

    private final CopyBoth copy;
    private final boolean physical;
    private final ReplicationStreamOptions options;
    /** Null unless {@link ReplicationStreamOptions#heartbeatInterval()} is set. */
    private final Heartbeat heartbeat;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    /** The acknowledgement position of the last message handed to the subscriber; event loop only. */
    private long delivered;

    ReplicationStream(CopyBoth copy, boolean physical, Lsn start, ReplicationStreamOptions options, Heartbeat heartbeat) {
        this.copy = copy;
        this.physical = physical;
        this.options = options;
        this.heartbeat = heartbeat;
        // Positions before the start are the slot's business already: report nothing older.
        this.received.set(start.value());
        this.acknowledged.set(start.value());
        this.delivered = start.value();
    }

    /** Runs START_REPLICATION and streams its XLogData; a second subscription fails with {@link IllegalStateException}. */
    public Flux<XLogData> messages() {
        return Flux.defer(() -> {
            if (!subscribed.compareAndSet(false, true)) {
                return Flux.error(new IllegalStateException("a replication stream is read once"));
            }
            Disposable ticker = Flux.interval(options.statusInterval(), options.statusInterval(), Schedulers.parallel())
                    .subscribe(tick -> reportQuietly());
            if (heartbeat != null) {
                heartbeat.start();
            }
            return copy.messages()
                    .handle(this::onCopyData)
                    .doOnCancel(() -> reportQuietly())
                    .doFinally(signal -> {
                        ticker.dispose();
                        if (heartbeat != null) {
                            heartbeat.stop();
                        }
                    });
        });
    }

    /**
     * Marks everything up to {@code lsn} as durably handled; it is reported as flushed with the
     * next status update. Positions only move forward: an older one is ignored.
     */
    public void acknowledge(Lsn lsn) {
        acknowledged.accumulateAndGet(lsn.value(), ReplicationStream::later);
    }

    /** The position acknowledged so far (by the consumer, or by keepalives once everything delivered was). */
    public Lsn acknowledged() {
        return new Lsn(acknowledged.get());
    }

    /** The position of the newest message received. */
    public Lsn received() {
        return new Lsn(received.get());
    }

    /**
     * Sends a status update at once, outside the timer, so that the server learns the latest
     * acknowledgement now. Fails with {@link IllegalStateException} before the first message or
     * after the stream has ended.
     */
    public Mono<Void> sendStatusUpdate() {
        return copy.send(status(false).encode());
    }

    /** Reports the acknowledged position and ends the stream (CopyDone); completes once the server has ended it too. */
    public Mono<Void> stop() {
        return copy.send(status(false).encode()).then(copy.done());
    }

    private StandbyStatusUpdate status(boolean replyNow) {
        long flushed = acknowledged.get();
        return new StandbyStatusUpdate(later(received.get(), flushed), flushed, flushed, Instant.now(), replyNow);
    }

    /** Fire and forget: before COPY BOTH has begun or after it has ended the update has no place to go. */
    private void reportQuietly() {
        copy.send(status(false).encode()).onErrorResume(IllegalStateException.class, e -> Mono.empty()).subscribe(null, e -> { });
    }

    private void onCopyData(CopyData message, SynchronousSink<XLogData> sink) {
        try {
            ByteBuf data = message.data();
            int at = data.readerIndex();
            byte kind = data.getByte(at);
            if (kind == 'w') {
                long start = data.getLong(at + 1);
                long walEnd = data.getLong(at + 9);
                long time = data.getLong(at + 17);
                byte[] payload = new byte[data.readableBytes() - 25];
                data.getBytes(at + 25, payload);
                long position = physical ? start + payload.length : start;
                if (heartbeat != null) {
                    heartbeat.activity();
                }
                received.accumulateAndGet(position, ReplicationStream::later);
                delivered = later(delivered, position);
                sink.next(new XLogData(new Lsn(start), new Lsn(walEnd), ServerClock.toInstant(time),
                        ByteBuffer.wrap(payload).asReadOnlyBuffer()));
            } else if (kind == 'k') {
                long walEnd = data.getLong(at + 1);
                boolean replyRequested = data.getByte(at + 17) != 0;
                if (options.advanceOnKeepalive() && Long.compareUnsigned(acknowledged.get(), delivered) >= 0) {
                    acknowledge(new Lsn(walEnd));
                }
                if (replyRequested) {
                    reportQuietly();
                }
            }
        } finally {
            message.release();
        }
    }

    private static long later(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }
}
