// pgjdbc for the notification scenarios: a thread waiting in getNotifications, and a prepared pg_notify.
package org.psycopg.r2dbc.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * pgjdbc as its documentation shows: JDBC has no push, so a thread of its own waits in
 * {@code PGConnection.getNotifications(timeout)} (which returns as soon as notifications arrive, in
 * batches) and hands each payload on; a prepared {@code SELECT pg_notify(?, ?)} to publish.
 */
final class JdbcNotifyClient implements NotifyClient {

    /** How long one wait in getNotifications lasts, so that the thread sees a close soon enough. */
    private static final int POLL_MILLIS = 100;

    private final ServerTarget target;

    JdbcNotifyClient(ServerTarget target) {
        this.target = target;
    }

    @Override
    public String name() {
        return "pgjdbc";
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
    }

    @Override
    public AutoCloseable listen(String channel, NotificationArrivals arrivals) throws SQLException {
        Connection connection = connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + channel);
        }
        PGConnection notifications = connection.unwrap(PGConnection.class);
        Thread poller = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    for (PGNotification notification : notifications.getNotifications(POLL_MILLIS)) {
                        arrivals.arrive(notification.getParameter());
                    }
                }
            } catch (SQLException e) {
                // The connection was closed: the listener is over.
            }
        }, "pgjdbc-listener");
        poller.setDaemon(true);
        poller.start();
        return () -> {
            poller.interrupt();
            poller.join();
            connection.close();
        };
    }

    @Override
    public Sender sender() throws SQLException {
        Connection connection = connect();
        PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)");
        return new Sender() {
            @Override
            public void send(String channel, String payload) throws SQLException {
                notify.setString(1, channel);
                notify.setString(2, payload);
                notify.executeQuery().close();
            }

            @Override
            public void close() throws SQLException {
                connection.close();
            }
        };
    }
}
