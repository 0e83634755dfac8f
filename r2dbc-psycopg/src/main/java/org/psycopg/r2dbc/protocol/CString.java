// The protocol's String type: UTF-8 text ended by a NUL byte, written and read in place.
package org.psycopg.r2dbc.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads and writes the wire type that the PostgreSQL protocol documentation calls {@code String}:
 * the characters in the client encoding (always UTF-8 for this driver) followed by one NUL byte.
 * Such a string cannot contain a NUL character, so {@link #requireNoNul} rejects one before it
 * could cut a message short.
 */
public final class CString {

    private CString() {
    }

    /**
     * Returns {@code value} when it can travel as a protocol string.
     *
     * @throws NullPointerException when {@code value} is null
     * @throws IllegalArgumentException when {@code value} contains a NUL character
     */
    public static String requireNoNul(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                    what + " contains a NUL character, which the PostgreSQL protocol cannot carry");
        }
        return value;
    }

    /** Writes {@code value} as UTF-8 followed by a NUL byte at the writer index of {@code out}. */
    public static void write(ByteBuf out, String value) {
        ByteBufUtil.writeUtf8(out, value);
        out.writeByte(0);
    }

    /**
     * Reads one string from the reader index of {@code in}, leaving the reader index after its NUL.
     *
     * @throws ProtocolException when no NUL byte comes before the writer index of {@code in}
     */
    public static String read(ByteBuf in) {
        int start = in.readerIndex();
        int nul = in.indexOf(start, in.writerIndex(), (byte) 0);
        if (nul < 0) {
            throw new ProtocolException("a string runs to the end of the message without its NUL terminator");
        }
        in.readerIndex(nul + 1);
        return nul == start ? "" : in.toString(start, nul - start, StandardCharsets.UTF_8);
    }
}
