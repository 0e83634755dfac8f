// CopyFail: aborts COPY FROM STDIN with a reason.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;
import org.psycopg.r2dbc.protocol.CString;

/**
 * CopyFail ('f'): aborts COPY FROM STDIN; the server fails the COPY with an ErrorResponse that
 * quotes {@code message}.
 *
 * @param message why the client gave up, without NUL characters
 */
public record CopyFail(String message) implements FrontendMessage {

    public CopyFail {
        CString.requireNoNul(message, "message");
    }

    @Override
    public void encode(ByteBuf out) {
        int start = MessageWriter.begin(out, 'f');
        CString.write(out, message);
        MessageWriter.end(out, start);
    }
}
