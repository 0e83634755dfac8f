// One connection of a NotificationListener: LISTENs, forwards notifications, reports its loss.
package org.psycopg.r2dbc.notify;

import io.r2dbc.spi.ValidationDepth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.psycopg.r2dbc.Notification;
import org.psycopg.r2dbc.PsycopgConnection;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A connection that a {@link NotificationListener} listens on. Its notifications are taken from the
 * moment it exists, before the first LISTEN, and held until {@link #open(ListenerEvent)}: so that a
 * {@link ListenerEvent.Reconnected} goes out before anything the new connection received, and nothing
 * that arrived while the channels were being listened to is lost. The end of its notification stream
 * (the session closed, for whatever reason) is reported once to the listener.
 */
final class ListenerConnection {

    private final PsycopgConnection connection;
    private final SerialEmitter<ListenerEvent> emitter;
    private final Disposable notifications;
    private final List<Notification> held = new ArrayList<>();
    private boolean opened;
    private volatile boolean lost;

    private ListenerConnection(PsycopgConnection connection, SerialEmitter<ListenerEvent> emitter,
                               Consumer<ListenerConnection> onLost) {
        this.connection = connection;
        this.emitter = emitter;
        this.notifications = connection.notifications().subscribe(this::onNotification,
                error -> lost(onLost), () -> lost(onLost));
    }

    /**
     * Starts taking the connection's notifications and runs LISTEN for each channel (pipelined);
     * the connection is closed if that fails.
     */
    static Mono<ListenerConnection> listen(PsycopgConnection connection, Collection<String> channels,
                                           SerialEmitter<ListenerEvent> emitter, Consumer<ListenerConnection> onLost) {
        return Mono.defer(() -> {
            ListenerConnection listening = new ListenerConnection(connection, emitter, onLost);
            return Flux.fromIterable(List.copyOf(channels))
                    .flatMap(connection::listen)
                    .then(Mono.just(listening))
                    .onErrorResume(error -> listening.close().then(Mono.error(error)));
        });
    }

    /** Emits {@code first} (when not null), then the notifications held so far, then lets later ones through. */
    void open(ListenerEvent first) {
        if (first != null) {
            emitter.next(first);
        }
        while (true) {
            List<Notification> batch;
            synchronized (held) {
                if (held.isEmpty()) {
                    opened = true;
                    return;
                }
                batch = List.copyOf(held);
                held.clear();
            }
            batch.forEach(notification -> emitter.next(new ListenerEvent.Received(notification)));
        }
    }

    /**
     * LISTEN on this connection. When the connection is lost while it runs, the error is
     * {@link #isLost() visible as loss} and the caller waits for the next connection instead.
     */
    Mono<Void> listen(String channel) {
        return connection.listen(channel);
    }

    Mono<Void> unlisten(String channel) {
        return connection.unlisten(channel);
    }

    /** True once the session is closed (checked at once, before the notification stream ends). */
    Mono<Boolean> isLost() {
        return lost ? Mono.just(true) : connection.validate(ValidationDepth.LOCAL).map(open -> !open);
    }

    /** True once its notification stream has ended and the loss was reported. */
    boolean lossReported() {
        return lost;
    }

    Mono<Void> close() {
        return connection.close().doFinally(signal -> notifications.dispose());
    }

    private void onNotification(Notification notification) {
        synchronized (held) {
            if (!opened) {
                held.add(notification);
                return;
            }
        }
        emitter.next(new ListenerEvent.Received(notification));
    }

    private void lost(Consumer<ListenerConnection> onLost) {
        lost = true;
        onLost.accept(this);
    }
}
