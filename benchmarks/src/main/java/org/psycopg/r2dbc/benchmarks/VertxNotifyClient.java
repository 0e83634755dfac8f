// vertx-pg-client for the notification scenarios: a notification handler and a LISTEN query.
package org.psycopg.r2dbc.benchmarks;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.TimeUnit;

/**
 * vertx-pg-client as its users drive it: {@code notificationHandler} set on a {@link PgConnection}
 * before its {@code LISTEN} query, the handler called on the connection's event loop; a prepared
 * {@code SELECT pg_notify($1, $2)} to publish.
 */
final class VertxNotifyClient implements NotifyClient {

    private static final long TIMEOUT_SECONDS = 60;

    private final Vertx vertx;
    private final PgConnectOptions options;

    VertxNotifyClient(Vertx vertx, PgConnectOptions options) {
        this.vertx = vertx;
        this.options = options;
    }

    @Override
    public String name() {
        return "vertx-pg-client";
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public AutoCloseable listen(String channel, NotificationArrivals arrivals) throws Exception {
        PgConnection connection = await(PgConnection.connect(vertx, options));
        connection.notificationHandler(notification -> arrivals.arrive(notification.getPayload()));
        await(connection.query("LISTEN " + channel).execute());
        return () -> await(connection.close());
    }

    @Override
    public Sender sender() throws Exception {
        PgConnection connection = await(PgConnection.connect(vertx, options));
        return new Sender() {
            @Override
            public void send(String channel, String payload) throws Exception {
                await(connection.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(channel, payload)));
            }

            @Override
            public void close() throws Exception {
                await(connection.close());
            }
        };
    }
}
