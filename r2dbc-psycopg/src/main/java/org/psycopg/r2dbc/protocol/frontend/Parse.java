// Parse: creates a prepared statement from SQL text with $n placeholders.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;
import java.util.Objects;
import org.psycopg.r2dbc.protocol.CString;

/**
 * Parse ('P'): the extended-query step that turns SQL text into a prepared statement; the server
 * answers ParseComplete.
 *
 * @param statementName  the statement's name; empty for the unnamed statement
 * @param sql            a single statement, parameters written {@code $1}, {@code $2}...
 * @param parameterTypes the type OID of each parameter, 0 to let the server infer it; may be
 *                       shorter than the number of parameters (at most 65535 entries); not copied
 */
public record Parse(String statementName, String sql, int[] parameterTypes) implements FrontendMessage {

    public Parse {
        CString.requireNoNul(statementName, "statement name");
        CString.requireNoNul(sql, "sql");
        MessageWriter.requireInt16Count(Objects.requireNonNull(parameterTypes, "parameterTypes").length,
                "parameter types");
    }

    @Override
    public void encode(ByteBuf out) {
        int start = MessageWriter.begin(out, 'P');
        CString.write(out, statementName);
        CString.write(out, sql);
        out.writeShort(parameterTypes.length);
        for (int type : parameterTypes) {
            out.writeInt(type);
        }
        MessageWriter.end(out, start);
    }
}
