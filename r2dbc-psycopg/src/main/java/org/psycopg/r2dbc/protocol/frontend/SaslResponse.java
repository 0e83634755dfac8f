// SASLResponse: a further client message of a SASL exchange.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * SASLResponse ('p'): answers AuthenticationSASLContinue with the mechanism's next message.
 *
 * @param data the mechanism data, the whole rest of the message; not copied, must not change afterwards
 */
public record SaslResponse(byte[] data) implements FrontendMessage {

    public SaslResponse {
        Objects.requireNonNull(data, "data");
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeByte('p').writeInt(4 + data.length).writeBytes(data);
    }
}
