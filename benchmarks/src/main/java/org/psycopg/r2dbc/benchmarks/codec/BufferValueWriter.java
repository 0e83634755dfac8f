// A ValueWriter over one reusable heap buffer, so that a codec benchmark measures the codec and not the writer.
package org.psycopg.r2dbc.benchmarks.codec;

import java.nio.ByteBuffer;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * Writes into a fixed heap {@link ByteBuffer} that {@link #clear()} rewinds, allocating nothing
 * per value (UTF-8 is encoded char by char). Big-endian, as {@link ValueWriter} requires. Values
 * larger than the buffer fail with {@link java.nio.BufferOverflowException}. Not thread-safe.
 */
public final class BufferValueWriter implements ValueWriter {

    private final ByteBuffer buffer;

    /** A writer of at most {@code capacity} bytes between two {@link #clear()} calls. */
    public BufferValueWriter(int capacity) {
        this.buffer = ByteBuffer.allocate(capacity);
    }

    /** Forgets what was written. */
    public void clear() {
        buffer.clear();
    }

    /** The number of bytes written since the last {@link #clear()}. */
    public int size() {
        return buffer.position();
    }

    /** A copy of the bytes written, as a read-only buffer from position 0 to its limit. */
    public ByteBuffer copy() {
        ByteBuffer written = buffer.duplicate().flip();
        ByteBuffer copy = ByteBuffer.allocate(written.remaining()).put(written).flip();
        return copy.asReadOnlyBuffer();
    }

    @Override
    public void writeByte(int b) {
        buffer.put((byte) b);
    }

    @Override
    public void writeShort(int s) {
        buffer.putShort((short) s);
    }

    @Override
    public void writeInt(int i) {
        buffer.putInt(i);
    }

    @Override
    public void writeLong(long l) {
        buffer.putLong(l);
    }

    @Override
    public void writeFloat(float f) {
        buffer.putFloat(f);
    }

    @Override
    public void writeDouble(double d) {
        buffer.putDouble(d);
    }

    @Override
    public void writeBytes(byte[] bytes, int offset, int length) {
        buffer.put(bytes, offset, length);
    }

    @Override
    public void writeBytes(ByteBuffer bytes) {
        buffer.put(bytes.duplicate());
    }

    @Override
    public void writeUtf8(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                buffer.put((byte) c);
            } else if (c < 0x800) {
                buffer.put((byte) (0xc0 | c >> 6)).put((byte) (0x80 | c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int code = Character.toCodePoint(c, text.charAt(++i));
                buffer.put((byte) (0xf0 | code >> 18)).put((byte) (0x80 | code >> 12 & 0x3f))
                        .put((byte) (0x80 | code >> 6 & 0x3f)).put((byte) (0x80 | code & 0x3f));
            } else {
                char encoded = Character.isSurrogate(c) ? '?' : c;
                buffer.put((byte) (0xe0 | encoded >> 12)).put((byte) (0x80 | encoded >> 6 & 0x3f))
                        .put((byte) (0x80 | encoded & 0x3f));
            }
        }
    }
}
