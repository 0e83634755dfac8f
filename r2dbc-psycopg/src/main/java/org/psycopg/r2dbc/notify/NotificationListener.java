// LISTEN on a connection of its own that is replaced whenever it is lost: the resilient listener.
package org.psycopg.r2dbc.notify;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.psycopg.r2dbc.PsycopgConnectionFactory;
import org.psycopg.r2dbc.sql.Identifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Listens to notification channels on a connection of its own, and keeps listening across
 * connection losses (the backend terminated, the server restarted or shut down, the network
 * reported a failure): when the connection ends, the listener connects again following its
 * {@link ReconnectPolicy}, runs LISTEN for every channel, and emits a {@link ListenerEvent.Reconnected}
 * that says when notifications may have been missed, before any notification of the new connection.
 * A connection whose peer vanishes without a word is seen lost only when TCP says so (enable
 * {@code tcpKeepAlive} for that).
 *
 * <p>The first connection is opened by the first {@link #listen(String)}. {@link #events()} is hot:
 * a subscriber gets the events from its subscription on, each through a bounded
 * {@link SubscriberBuffer}, so a slow subscriber never holds the connection back. When the policy's
 * attempts run out, every stream of events ends with the last connection error and the listener is
 * over; {@link #close()} ends them normally.
 *
 * <p>Thread-safe: channels may be added and removed from any thread at any time, during a reconnection
 * too. Obtain one from {@link PsycopgConnectionFactory#listener()}.
 */
public final class NotificationListener {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);

    private final PsycopgConnectionFactory factory;
    private final ReconnectPolicy policy;
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final Sinks.Many<ListenerEvent> events = Sinks.many().multicast().directBestEffort();
    private final SerialEmitter<ListenerEvent> emitter = new SerialEmitter<>(events);
    private final Object lock = new Object();

    // Guarded by lock: the connection being obtained or in use, and whether the listener is over.
    private Sinks.One<ListenerConnection> ready;
    private ListenerConnection current;
    private Throwable over;

    public NotificationListener(PsycopgConnectionFactory factory, ReconnectPolicy policy) {
        if (factory == null || policy == null) {
            throw new IllegalArgumentException("factory and policy must not be null");
        }
        this.factory = factory;
        this.policy = policy;
    }

    /**
     * Adds a channel (a name, quoted as an identifier) and completes once the listener's connection
     * has run LISTEN for it; from then on, and after every reconnection, its notifications are
     * emitted. Opens the first connection if there is none yet. Fails if the listener is closed or
     * could not connect within its policy.
     */
    public Mono<Void> listen(String channel) {
        Identifier.of(channel);
        return Mono.defer(() -> {
            channels.add(channel);
            return listenOnCurrent(channel);
        });
    }

    /**
     * Removes a channel ({@code "*"}: every channel) and completes once the listener's connection has
     * run UNLISTEN for it (at once when there is no connection to run it on). No notification of it
     * is emitted after that.
     */
    public Mono<Void> unlisten(String channel) {
        Identifier.of(channel);
        return Mono.defer(() -> {
            if (channel.equals("*")) {
                channels.clear();
            } else {
                channels.remove(channel);
            }
            Mono<ListenerConnection> connection;
            synchronized (lock) {
                if (ready == null || over != null) {
                    return Mono.empty();
                }
                connection = ready.asMono();
            }
            // A lost connection listens to nothing; the next one only to the channels left.
            return connection.flatMap(listening -> listening.unlisten(channel)
                            .onErrorResume(error -> listening.isLost()
                                    .flatMap(lost -> lost ? Mono.<Void>empty() : Mono.error(error))))
                    .onErrorResume(error -> isOver(), error -> Mono.empty());
        });
    }

    /** The channels listened to now (a copy). */
    public Set<String> channels() {
        return Set.copyOf(channels);
    }

    /** The events from now on, through a {@link SubscriberBuffer#defaults() default buffer}. */
    public Flux<ListenerEvent> events() {
        return events(SubscriberBuffer.defaults());
    }

    /** The events from now on, through the given buffer (its capacity, overflow policy and counter). */
    public Flux<ListenerEvent> events(SubscriberBuffer buffer) {
        return buffer.bound(events.asFlux());
    }

    /**
     * Ends the listener: closes its connection (the server forgets its LISTENs), stops reconnecting,
     * and completes every stream of events. Calling it again does nothing.
     */
    public Mono<Void> close() {
        return Mono.defer(() -> {
            ListenerConnection connection;
            synchronized (lock) {
                if (over != null) {
                    return Mono.empty();
                }
                over = new R2dbcNonTransientResourceException("the notification listener is closed");
                connection = current;
                current = null;
                if (ready != null) {
                    ready.tryEmitError(over);
                }
            }
            emitter.complete();
            return connection == null ? Mono.empty() : connection.close();
        });
    }

    /** LISTEN on the connection in use, or on the next one when it is lost meanwhile. */
    private Mono<Void> listenOnCurrent(String channel) {
        return connection().flatMap(listening -> listening.listen(channel)
                .onErrorResume(error -> listening.isLost().flatMap(lost -> {
                    if (!lost) {
                        return Mono.error(error);
                    }
                    onLost(listening);
                    return listenOnCurrent(channel);
                })));
    }

    /** The connection in use once it listens to every channel; the first call opens it. */
    private Mono<ListenerConnection> connection() {
        Sinks.One<ListenerConnection> pending;
        synchronized (lock) {
            if (over != null) {
                return Mono.error(over);
            }
            if (ready != null) {
                return ready.asMono();
            }
            ready = pending = Sinks.one();
        }
        connect(pending, null);
        return pending.asMono();
    }

    /** The connection ended: unless the listener is closed or already reconnecting, connect again. */
    private void onLost(ListenerConnection lost) {
        Sinks.One<ListenerConnection> pending;
        synchronized (lock) {
            if (over != null || current != lost) {
                return;
            }
            current = null;
            ready = pending = Sinks.one();
        }
        LOG.warn("The notification listener lost its connection; reconnecting to listen on {}", channels);
        lost.close().subscribe(null, error -> { });
        connect(pending, Instant.now());
    }

    /**
     * Opens a connection and listens to every channel on it, retrying as the policy says; then makes
     * it current and announces it (a Reconnected event when {@code lostAt} is set).
     */
    private void connect(Sinks.One<ListenerConnection> pending, Instant lostAt) {
        AtomicInteger attempts = new AtomicInteger();
        Mono.defer(() -> {
                    if (isOver()) {
                        return Mono.error(new R2dbcNonTransientResourceException("the notification listener is closed"));
                    }
                    attempts.incrementAndGet();
                    return factory.create();
                })
                .flatMap(connection -> ListenerConnection.listen(connection, channels, emitter, this::onLost))
                .retryWhen(policy.retry().filter(error -> !isOver()))
                .subscribe(listening -> onConnected(pending, listening, lostAt, attempts.get()),
                        error -> onGaveUp(pending, error));
    }

    private void onConnected(Sinks.One<ListenerConnection> pending, ListenerConnection listening, Instant lostAt,
                             int attempts) {
        synchronized (lock) {
            if (over != null) {
                listening.close().subscribe(null, error -> { });
                return;
            }
            current = listening;
        }
        ListenerEvent.Reconnected reconnected = null;
        if (lostAt != null) {
            reconnected = new ListenerEvent.Reconnected(lostAt, Instant.now(), attempts, channels());
            LOG.info("The notification listener listens again after {} attempts; notifications of the last {} ms may be lost",
                    attempts, reconnected.window().toMillis());
        }
        listening.open(reconnected);
        pending.tryEmitValue(listening);
        if (listening.lossReported()) {
            // Lost before it became current: its end was ignored then.
            onLost(listening);
        }
    }

    private void onGaveUp(Sinks.One<ListenerConnection> pending, Throwable error) {
        synchronized (lock) {
            if (over != null) {
                return;
            }
            over = error;
        }
        LOG.error("The notification listener gave up: {}", error.getMessage());
        pending.tryEmitError(error);
        emitter.error(error);
    }

    private boolean isOver() {
        synchronized (lock) {
            return over != null;
        }
    }
}
