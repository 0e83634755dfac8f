// Execute: runs a portal, all its rows or up to a limit.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;
import org.psycopg.r2dbc.protocol.CString;

/**
 * Execute ('E'): runs a portal. The server sends its rows and ends with CommandComplete, or with
 * PortalSuspended when {@code maxRows} rows were sent and more remain (Execute again for them).
 *
 * @param portal  the portal; empty for the unnamed portal
 * @param maxRows the most rows to return this time; 0 for no limit
 */
public record Execute(String portal, int maxRows) implements FrontendMessage {

    public Execute {
        CString.requireNoNul(portal, "portal name");
    }

    @Override
    public void encode(ByteBuf out) {
        int start = MessageWriter.begin(out, 'E');
        CString.write(out, portal);
        out.writeInt(maxRows);
        MessageWriter.end(out, start);
    }
}
