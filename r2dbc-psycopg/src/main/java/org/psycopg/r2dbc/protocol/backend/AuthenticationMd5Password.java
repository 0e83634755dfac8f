// AuthenticationMD5Password: the server wants an MD5-hashed password with this salt.
package org.psycopg.r2dbc.protocol.backend;

import io.netty.buffer.ByteBuf;

/**
 * AuthenticationMD5Password ('R', code 5): answer with a PasswordMessage holding
 * {@code "md5" + md5hex(md5hex(password + user) + salt)}.
 *
 * @param salt the 4 random bytes to hash with; owned by this message, not to be changed
 */
public record AuthenticationMd5Password(byte[] salt) implements BackendMessage {

    /** Reads the body after the authentication code. */
    static AuthenticationMd5Password decode(ByteBuf body) {
        byte[] salt = new byte[4];
        body.readBytes(salt);
        return new AuthenticationMd5Password(salt);
    }
}
