// r2dbc-postgresql for the notification scenarios: getNotifications() and a LISTEN statement.
package org.psycopg.r2dbc.benchmarks;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * r2dbc-postgresql as its documentation shows: {@code getNotifications()} subscribed before the
 * {@code LISTEN} statement runs; {@code SELECT pg_notify($1, $2)} with bindings to publish.
 */
final class R2dbcPostgresqlNotifyClient implements NotifyClient {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private final ConnectionFactory factory;

    R2dbcPostgresqlNotifyClient(ConnectionFactory factory) {
        this.factory = factory;
    }

    @Override
    public String name() {
        return "r2dbc-postgresql";
    }

    private PostgresqlConnection connect() {
        return Mono.from(factory.create()).cast(PostgresqlConnection.class).block(TIMEOUT);
    }

    @Override
    public AutoCloseable listen(String channel, NotificationArrivals arrivals) {
        PostgresqlConnection connection = connect();
        Disposable notifications = connection.getNotifications()
                .subscribe(n -> arrivals.arrive(n.getParameter()));
        connection.createStatement("LISTEN " + channel).execute().flatMap(PostgresqlResult::getRowsUpdated)
                .then().block(TIMEOUT);
        return () -> {
            notifications.dispose();
            connection.close().block(TIMEOUT);
        };
    }

    @Override
    public Sender sender() {
        PostgresqlConnection connection = connect();
        return new Sender() {
            @Override
            public void send(String channel, String payload) {
                connection.createStatement("SELECT pg_notify($1, $2)").bind(0, channel).bind(1, payload).execute()
                        .flatMap(PostgresqlResult::getRowsUpdated).then().block(TIMEOUT);
            }

            @Override
            public void close() {
                connection.close().block(TIMEOUT);
            }
        };
    }
}
