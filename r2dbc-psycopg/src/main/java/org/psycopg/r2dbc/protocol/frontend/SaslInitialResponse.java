// SASLInitialResponse: picks a SASL mechanism and sends its first client message.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;
import org.psycopg.r2dbc.protocol.CString;

/**
 * SASLInitialResponse ('p'): answers AuthenticationSASL with the chosen mechanism (such as
 * {@code SCRAM-SHA-256} or {@code SCRAM-SHA-256-PLUS}) and the mechanism's initial response.
 *
 * @param mechanism the mechanism name, one of those the server offered
 * @param data      the initial response, or null when the mechanism has none (written as length -1);
 *                  the array is not copied and must not change afterwards
 */
public record SaslInitialResponse(String mechanism, byte[] data) implements FrontendMessage {

    public SaslInitialResponse {
        CString.requireNoNul(mechanism, "SASL mechanism");
    }

    @Override
    public void encode(ByteBuf out) {
        int start = MessageWriter.begin(out, 'p');
        CString.write(out, mechanism);
        if (data == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(data.length);
            out.writeBytes(data);
        }
        MessageWriter.end(out, start);
    }
}
