// StartupMessage: the first packet of a session, asking for protocol 3.0 with run-time parameters.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.psycopg.r2dbc.protocol.CString;

/**
 * StartupMessage (no type byte): asks for protocol version 3.0 (196608) and passes the
 * connection parameters, {@code user} (required by the server), {@code database}, {@code options},
 * {@code replication} and any run-time setting such as {@code application_name}.
 *
 * @param parameters name to value, written in the map's iteration order (which is kept); putting
 *                   {@code user} first is the caller's choice. Names must be non-empty, and no name
 *                   or value may contain a NUL character.
 */
public record StartupMessage(Map<String, String> parameters) implements FrontendMessage {

    /** Protocol version 3.0: major version 3 in the high 16 bits, minor 0 in the low ones. */
    public static final int PROTOCOL_VERSION_3_0 = 196608;

    public StartupMessage {
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.forEach((name, value) -> {
            if (CString.requireNoNul(name, "startup parameter name").isEmpty()) {
                throw new IllegalArgumentException("a startup parameter name cannot be empty: the server reads it as the end of the list");
            }
            CString.requireNoNul(value, "value of startup parameter " + name);
        });
        parameters = Collections.unmodifiableMap(copy);
    }

    @Override
    public void encode(ByteBuf out) {
        int start = MessageWriter.beginUntyped(out);
        out.writeInt(PROTOCOL_VERSION_3_0);
        parameters.forEach((name, value) -> {
            CString.write(out, name);
            CString.write(out, value);
        });
        out.writeByte(0);
        MessageWriter.endUntyped(out, start);
    }
}
