// ParameterDescription: the types the server chose for a prepared statement's parameters.
package org.psycopg.r2dbc.protocol.backend;

import io.netty.buffer.ByteBuf;

/**
 * ParameterDescription ('t'): the answer to Describe of a statement, listing its parameters.
 *
 * @param types the type OID of each parameter, in order; owned by this message
 */
public record ParameterDescription(int[] types) implements BackendMessage {

    static ParameterDescription decode(ByteBuf body) {
        int[] types = new int[MessageReader.readCount(body, 4, "parameter types")];
        for (int i = 0; i < types.length; i++) {
            types[i] = body.readInt();
        }
        return new ParameterDescription(types);
    }
}
