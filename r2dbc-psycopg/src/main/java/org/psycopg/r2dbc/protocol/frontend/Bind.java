// Bind: creates a portal from a prepared statement and parameter values.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;
import java.util.Objects;
import org.psycopg.r2dbc.protocol.CString;

/**
 * Bind ('B'): the extended-query step that gives a prepared statement its parameter values and
 * result formats, making a portal; the server answers BindComplete.
 *
 * <p>A format array may be empty (everything in text), hold one code (applied to all), or one
 * code per parameter or column; codes are 0 for text and 1 for binary. Arrays are not copied.
 *
 * @param portal            the portal's name; empty for the unnamed portal
 * @param statementName     the prepared statement; empty for the unnamed statement
 * @param parameterFormats  format codes of the parameter values (at most 65535)
 * @param values            the parameter values (at most 65535), written into the message as it is encoded
 * @param resultFormats     format codes of the result columns (at most 65535)
 */
public record Bind(String portal, String statementName, short[] parameterFormats, ParameterValues values,
                   short[] resultFormats) implements FrontendMessage {

    public Bind {
        CString.requireNoNul(portal, "portal name");
        CString.requireNoNul(statementName, "statement name");
        MessageWriter.requireInt16Count(Objects.requireNonNull(parameterFormats, "parameterFormats").length,
                "parameter formats");
        MessageWriter.requireInt16Count(Objects.requireNonNull(values, "values").count(), "parameter values");
        MessageWriter.requireInt16Count(Objects.requireNonNull(resultFormats, "resultFormats").length,
                "result formats");
    }

    @Override
    public void encode(ByteBuf out) {
        int start = MessageWriter.begin(out, 'B');
        try {
            CString.write(out, portal);
            CString.write(out, statementName);
            MessageWriter.writeFormats(out, parameterFormats);
            MessageWriter.writeValues(out, values);
            MessageWriter.writeFormats(out, resultFormats);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
        MessageWriter.end(out, start);
    }
}
