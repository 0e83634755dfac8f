// Close: releases a prepared statement or a portal on the server.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;
import org.psycopg.r2dbc.protocol.CString;

/**
 * Close ('C'): releases a prepared statement or portal; the server answers CloseComplete, also
 * when no such object exists.
 *
 * @param kind {@code 'S'} for a prepared statement, {@code 'P'} for a portal
 * @param name the statement or portal; empty for the unnamed one
 */
public record Close(char kind, String name) implements FrontendMessage {

    public Close {
        if (kind != 'S' && kind != 'P') {
            throw new IllegalArgumentException("Close kind must be 'S' (statement) or 'P' (portal), not '" + kind + "'");
        }
        CString.requireNoNul(name, "name");
    }

    /** Closes the prepared statement {@code name}. */
    public static Close statement(String name) {
        return new Close('S', name);
    }

    /** Closes the portal {@code name}. */
    public static Close portal(String name) {
        return new Close('P', name);
    }

    @Override
    public void encode(ByteBuf out) {
        int start = MessageWriter.begin(out, 'C');
        out.writeByte(kind);
        CString.write(out, name);
        MessageWriter.end(out, start);
    }
}
