// A NOTIFY received on a channel this connection listens to.
package org.psycopg.r2dbc;

/** The channel, the payload (empty when none was given) and the process id of the notifying backend. */
public record Notification(String channel, String payload, int processId) {
}
