// Where a codec writes the bytes of one value.
package org.psycopg.r2dbc.codec;

import java.nio.ByteBuffer;

/**
 * The destination of one encoded value. The driver implements it over its output buffer and
 * frames the value's length itself, so a codec writes only the value's own bytes. Multi-byte
 * numbers are written in network byte order (big-endian), as PostgreSQL's send/receive functions
 * expect. An instance is used by one thread at a time.
 */
public interface ValueWriter {

    /** Writes the low 8 bits of {@code b}. */
    void writeByte(int b);

    /** Writes the low 16 bits of {@code s}. */
    void writeShort(int s);

    void writeInt(int i);

    void writeLong(long l);

    void writeFloat(float f);

    void writeDouble(double d);

    void writeBytes(byte[] bytes, int offset, int length);

    /** Writes the bytes between {@code bytes}' position and limit; does not move its position. */
    void writeBytes(ByteBuffer bytes);

    /** Writes {@code text} encoded in UTF-8. */
    void writeUtf8(CharSequence text);
}
