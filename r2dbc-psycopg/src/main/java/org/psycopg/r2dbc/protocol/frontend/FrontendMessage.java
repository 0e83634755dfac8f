// A message from the client to the PostgreSQL server.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;

/**
 * A message the client sends to the server. Instances are immutable and safe to share between
 * threads; {@link #encode} may be called any number of times.
 */
public sealed interface FrontendMessage
        permits StartupMessage, SslRequest, GssEncRequest, CancelRequest,
                PasswordMessage, SaslInitialResponse, SaslResponse,
                Query, Parse, Bind, Describe, Execute, Close, Sync, Flush, Terminate,
                CopyData, CopyDone, CopyFail, FunctionCall {

    /**
     * Appends the whole message, type byte and length included, at the writer index of {@code out},
     * growing it as needed. Messages encoded one after another into one buffer form a valid stream.
     * When encoding fails part way (a {@link ParameterValues} that throws), {@code out} is left as it was.
     */
    void encode(ByteBuf out);
}
