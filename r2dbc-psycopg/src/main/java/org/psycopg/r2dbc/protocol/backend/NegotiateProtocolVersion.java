// NegotiateProtocolVersion: the server supports an older minor version or not all startup options.
package org.psycopg.r2dbc.protocol.backend;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.psycopg.r2dbc.protocol.CString;

/**
 * NegotiateProtocolVersion ('v'): the server does not support the requested minor protocol
 * version or some {@code _pq_.} startup options; the session goes on with what it supports.
 *
 * @param newestMinorVersion  the newest minor version of the requested major version the server supports
 * @param unrecognizedOptions the startup options the server did not recognize; unmodifiable
 */
public record NegotiateProtocolVersion(int newestMinorVersion, List<String> unrecognizedOptions)
        implements BackendMessage {

    static NegotiateProtocolVersion decode(ByteBuf body) {
        int newestMinorVersion = body.readInt();
        int count = MessageReader.requireFits(body, body.readInt(), 1, "option names");
        List<String> options = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            options.add(CString.read(body));
        }
        return new NegotiateProtocolVersion(newestMinorVersion, Collections.unmodifiableList(options));
    }
}
