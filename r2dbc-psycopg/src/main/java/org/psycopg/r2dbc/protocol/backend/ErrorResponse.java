// ErrorResponse: a command failed; in the extended-query protocol the server then skips to the next Sync.
package org.psycopg.r2dbc.protocol.backend;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * ErrorResponse ('E'): a command failed; in the extended-query protocol the server then skips to the next Sync.
 *
 * @param fields the diagnostic fields in the order sent, keyed by field type; unmodifiable
 * @see Diagnostic
 */
public record ErrorResponse(Map<Character, String> fields) implements BackendMessage, Diagnostic {

    static ErrorResponse decode(ByteBuf body) {
        return new ErrorResponse(MessageReader.readFields(body));
    }
}
