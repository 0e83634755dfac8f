// FunctionCall: calls a server function by OID through the fast-path interface.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * FunctionCall ('F'): the fast-path interface, used for large objects; the server answers
 * FunctionCallResponse then ReadyForQuery.
 *
 * @param functionOid     the OID of the function to call
 * @param argumentFormats format codes of the arguments: empty (all text), one for all, or one
 *                        each (at most 65535); not copied
 * @param arguments       the argument values (at most 65535)
 * @param resultFormat    format code of the result: 0 text, 1 binary
 */
public record FunctionCall(int functionOid, short[] argumentFormats, ParameterValues arguments, short resultFormat)
        implements FrontendMessage {

    public FunctionCall {
        MessageWriter.requireInt16Count(Objects.requireNonNull(argumentFormats, "argumentFormats").length,
                "argument formats");
        MessageWriter.requireInt16Count(Objects.requireNonNull(arguments, "arguments").count(), "arguments");
    }

    @Override
    public void encode(ByteBuf out) {
        int start = MessageWriter.begin(out, 'F');
        try {
            out.writeInt(functionOid);
            MessageWriter.writeFormats(out, argumentFormats);
            MessageWriter.writeValues(out, arguments);
            out.writeShort(resultFormat);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
        MessageWriter.end(out, start);
    }
}
