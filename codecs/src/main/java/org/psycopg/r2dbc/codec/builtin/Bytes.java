// Reading a value's bytes out of a ByteBuffer without moving it.
package org.psycopg.r2dbc.codec.builtin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Copies and text of a value's bytes, read with absolute gets so the buffer's position stays. */
final class Bytes {

    private Bytes() {
    }

    /** A copy of the bytes between position and limit. */
    static byte[] copy(ByteBuffer b) {
        byte[] copy = new byte[b.remaining()];
        b.get(b.position(), copy);
        return copy;
    }

    /** The bytes between position and limit, decoded as UTF-8. */
    static String utf8(ByteBuffer b) {
        if (b.hasArray()) {
            return new String(b.array(), b.arrayOffset() + b.position(), b.remaining(), StandardCharsets.UTF_8);
        }
        return new String(copy(b), StandardCharsets.UTF_8);
    }

    /** Checks that a fixed-size binary value has exactly {@code size} bytes. */
    static void expectSize(ByteBuffer b, int size, String typeName) {
        if (b.remaining() != size) {
            throw new IllegalArgumentException("A binary " + typeName + " has " + size + " bytes, not " + b.remaining());
        }
    }
}
