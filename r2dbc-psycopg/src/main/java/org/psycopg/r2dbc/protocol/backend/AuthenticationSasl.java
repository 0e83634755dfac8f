// AuthenticationSASL: the server starts a SASL exchange and lists the mechanisms it accepts.
package org.psycopg.r2dbc.protocol.backend;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.psycopg.r2dbc.protocol.CString;

/**
 * AuthenticationSASL ('R', code 10): answer with a SASLInitialResponse for one of the mechanisms.
 *
 * @param mechanisms the mechanism names in the server's order of preference, such as
 *                   {@code SCRAM-SHA-256-PLUS} and {@code SCRAM-SHA-256}; unmodifiable
 */
public record AuthenticationSasl(List<String> mechanisms) implements BackendMessage {

    /** Reads the body after the authentication code: strings ended by an empty one. */
    static AuthenticationSasl decode(ByteBuf body) {
        List<String> mechanisms = new ArrayList<>(2);
        for (String name = CString.read(body); !name.isEmpty(); name = CString.read(body)) {
            mechanisms.add(name);
        }
        return new AuthenticationSasl(Collections.unmodifiableList(mechanisms));
    }
}
