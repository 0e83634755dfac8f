// Describe: asks for the parameter and row descriptions of a statement or portal.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;
import org.psycopg.r2dbc.protocol.CString;

/**
 * Describe ('D'): asks the server to describe a prepared statement (ParameterDescription then
 * RowDescription or NoData) or a portal (RowDescription or NoData).
 *
 * @param kind {@code 'S'} for a prepared statement, {@code 'P'} for a portal
 * @param name the statement or portal; empty for the unnamed one
 */
public record Describe(char kind, String name) implements FrontendMessage {

    public Describe {
        if (kind != 'S' && kind != 'P') {
            throw new IllegalArgumentException("Describe kind must be 'S' (statement) or 'P' (portal), not '" + kind + "'");
        }
        CString.requireNoNul(name, "name");
    }

    /** Describes the prepared statement {@code name}. */
    public static Describe statement(String name) {
        return new Describe('S', name);
    }

    /** Describes the portal {@code name}. */
    public static Describe portal(String name) {
        return new Describe('P', name);
    }

    @Override
    public void encode(ByteBuf out) {
        int start = MessageWriter.begin(out, 'D');
        out.writeByte(kind);
        CString.write(out, name);
        MessageWriter.end(out, start);
    }
}
