// Writes a logical decoding message through a normal connection whenever a replication stream has been quiet for an interval.
package org.psycopg.r2dbc.replication;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.psycopg.r2dbc.PsycopgConnection;
import org.psycopg.r2dbc.PsycopgConnectionConfiguration;
import org.psycopg.r2dbc.PsycopgConnectionFactory;
import org.psycopg.r2dbc.PsycopgResult;
import org.psycopg.r2dbc.sql.Literal;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The heartbeat of {@link ReplicationStreamOptions#heartbeatInterval()}: every interval, when no
 * XLogData has arrived since the last look, runs {@code pg_logical_emit_message(false, prefix, '')}
 * on its own (non-replication) connection, opened at the first beat and kept until {@link #stop()}.
 * A failed beat is dropped (its connection too) and the next one tries again: the stream itself
 * never fails because of it. Thread-safe.
 */
final class Heartbeat {

    private static final String SQL = "SELECT pg_logical_emit_message(false, "
            + Literal.of(ReplicationStreamOptions.HEARTBEAT_PREFIX).render() + ", '')";

    /** Stands in for the connection once stopped: no beat opens one after that. */
    private static final Mono<PsycopgConnection> STOPPED = Mono.empty();

    private final PsycopgConnectionFactory factory;
    private final Duration interval;
    private final AtomicReference<Mono<PsycopgConnection>> connection = new AtomicReference<>();
    private volatile boolean quiet = true;
    private volatile Disposable ticker;

    Heartbeat(PsycopgConnectionConfiguration configuration, Duration interval) {
        this.factory = new PsycopgConnectionFactory(configuration);
        this.interval = interval;
    }

    /** Starts beating. */
    void start() {
        ticker = Flux.interval(interval, interval, Schedulers.parallel())
                .concatMap(tick -> {
                    boolean beat = quiet;
                    quiet = true;
                    return beat ? beat() : Mono.empty();
                })
                .subscribe();
    }

    /** The stream received XLogData: the database is not quiet. */
    void activity() {
        quiet = false;
    }

    /** Stops beating and closes the connection. */
    void stop() {
        Disposable running = ticker;
        if (running != null) {
            running.dispose();
        }
        close(connection.getAndSet(STOPPED));
    }

    private Mono<Void> beat() {
        Mono<PsycopgConnection> open = connection.updateAndGet(current -> current != null ? current : factory.create().cache());
        if (open == STOPPED) {
            return Mono.empty();
        }
        return open.flatMapMany(c -> c.createStatement(SQL).execute())
                .concatMap(PsycopgResult::getRowsUpdated)
                .then()
                .onErrorResume(e -> {
                    if (connection.compareAndSet(open, null)) {
                        close(open);
                    }
                    return Mono.empty();
                });
    }

    private static void close(Mono<PsycopgConnection> open) {
        if (open != null && open != STOPPED) {
            open.flatMap(PsycopgConnection::close).onErrorResume(e -> Mono.empty()).subscribe();
        }
    }
}
