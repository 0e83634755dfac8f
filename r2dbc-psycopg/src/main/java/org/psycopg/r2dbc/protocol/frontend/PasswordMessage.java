// PasswordMessage: the answer to a cleartext or MD5 password request.
package org.psycopg.r2dbc.protocol.frontend;

import io.netty.buffer.ByteBuf;
import org.psycopg.r2dbc.protocol.CString;

/**
 * PasswordMessage ('p'): answers AuthenticationCleartextPassword with the password itself, or
 * AuthenticationMD5Password with {@code "md5" + md5hex(md5hex(password + user) + salt)}.
 *
 * @param password the text to send, without NUL characters
 */
public record PasswordMessage(String password) implements FrontendMessage {

    public PasswordMessage {
        CString.requireNoNul(password, "password");
    }

    @Override
    public void encode(ByteBuf out) {
        int start = MessageWriter.begin(out, 'p');
        CString.write(out, password);
        MessageWriter.end(out, start);
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "PasswordMessage[password=***]";
    }
}
