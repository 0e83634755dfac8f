// One client's LISTEN and NOTIFY, driven the way its users drive them, for the notification scenarios.
package org.psycopg.r2dbc.benchmarks;

/**
 * A client under comparison for notifications: a listening connection that hands each payload to
 * {@link NotificationArrivals} from wherever the client delivers it (an event loop, a callback, a
 * polling thread), and a publishing connection that sends {@code pg_notify} with parameters.
 */
interface NotifyClient {

    /** The column in the result table. */
    String name();

    /**
     * Opens a connection that listens on {@code channel}, takes notifications from before its LISTEN
     * completes, and hands every payload to {@code arrivals}; closing it closes the connection.
     */
    AutoCloseable listen(String channel, NotificationArrivals arrivals) throws Exception;

    /** Opens a connection that publishes notifications. */
    Sender sender() throws Exception;

    /** A publishing connection. */
    interface Sender extends AutoCloseable {

        /** Runs {@code pg_notify(channel, payload)} and returns once the server has committed it. */
        void send(String channel, String payload) throws Exception;
    }
}
