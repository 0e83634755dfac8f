// This project's driver for the notification scenarios: listen(), notifications() and notify().
package org.psycopg.r2dbc.benchmarks;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import org.psycopg.r2dbc.PsycopgConnection;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * r2dbc-psycopg: {@code notifications()} subscribed before {@code listen(channel)}, each payload handed
 * on from the connection's event loop (through the default per-subscriber buffer, as users get it);
 * {@code notify(channel, payload)} to publish.
 */
final class PsycopgNotifyClient implements NotifyClient {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private final ConnectionFactory factory;

    PsycopgNotifyClient(ConnectionFactory factory) {
        this.factory = factory;
    }

    @Override
    public String name() {
        return Benchmarks.OURS;
    }

    private PsycopgConnection connect() {
        return Mono.from(factory.create()).cast(PsycopgConnection.class).block(TIMEOUT);
    }

    @Override
    public AutoCloseable listen(String channel, NotificationArrivals arrivals) {
        PsycopgConnection connection = connect();
        Disposable notifications = connection.notifications().subscribe(n -> arrivals.arrive(n.payload()));
        connection.listen(channel).block(TIMEOUT);
        return () -> {
            notifications.dispose();
            connection.close().block(TIMEOUT);
        };
    }

    @Override
    public Sender sender() {
        PsycopgConnection connection = connect();
        return new Sender() {
            @Override
            public void send(String channel, String payload) {
                connection.notify(channel, payload).block(TIMEOUT);
            }

            @Override
            public void close() {
                connection.close().block(TIMEOUT);
            }
        };
    }
}
