// NoticeResponse: a warning or informational message (RAISE NOTICE, deprecation warnings...); it can arrive at any time.
package org.psycopg.r2dbc.protocol.backend;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * NoticeResponse ('N'): a warning or informational message (RAISE NOTICE, deprecation warnings...); it can arrive at any time.
 *
 * @param fields the diagnostic fields in the order sent, keyed by field type; unmodifiable
 * @see Diagnostic
 */
public record NoticeResponse(Map<Character, String> fields) implements BackendMessage, Diagnostic {

    static NoticeResponse decode(ByteBuf body) {
        return new NoticeResponse(MessageReader.readFields(body));
    }
}
