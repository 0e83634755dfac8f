// NotificationResponse: a NOTIFY on a channel this session LISTENs to.
package org.psycopg.r2dbc.protocol.backend;

import io.netty.buffer.ByteBuf;
import org.psycopg.r2dbc.protocol.CString;

/**
 * NotificationResponse ('A'): a notification sent with NOTIFY or pg_notify() to a channel this
 * session listens to; it arrives between other messages, whenever the server has it.
 *
 * @param processId the server process of the notifying session
 * @param channel   the channel name
 * @param payload   the payload, empty when none was given
 */
public record NotificationResponse(int processId, String channel, String payload) implements BackendMessage {

    static NotificationResponse decode(ByteBuf body) {
        return new NotificationResponse(body.readInt(), CString.read(body), CString.read(body));
    }
}
