// FunctionCallResponse: the result of a fast-path FunctionCall.
package org.psycopg.r2dbc.protocol.backend;

import io.netty.buffer.ByteBuf;

/**
 * FunctionCallResponse ('V'): the value returned by a FunctionCall.
 *
 * @param result the value in the requested format, or null for SQL NULL; owned by this message
 */
public record FunctionCallResponse(byte[] result) implements BackendMessage {

    static FunctionCallResponse decode(ByteBuf body) {
        int length = body.readInt();
        if (length == -1) {
            return new FunctionCallResponse(null);
        }
        MessageReader.requireFits(body, length, 1, "result bytes");
        return new FunctionCallResponse(MessageReader.readRest(body.readSlice(length)));
    }
}
