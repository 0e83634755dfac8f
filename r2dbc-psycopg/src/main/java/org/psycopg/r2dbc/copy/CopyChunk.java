// The buffer COPY rows are encoded into, handed over a chunk at a time without copying.
package org.psycopg.r2dbc.copy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * A growing byte array that row encoders and codecs write into. {@link #take()} hands the bytes
 * written over as a buffer that nothing else refers to, and starts a new array. Numbers are written
 * big-endian, text as UTF-8. Not thread-safe: one encoding at a time.
 */
final class CopyChunk implements ValueWriter {

    private final int capacity;
    private byte[] bytes;
    private int size;

    CopyChunk(int capacity) {
        this.capacity = capacity;
        this.bytes = new byte[capacity];
    }

    int size() {
        return size;
    }

    /** The bytes written so far, now owned by the caller; the chunk starts over empty. */
    ByteBuffer take() {
        ByteBuffer out = ByteBuffer.wrap(bytes, 0, size).slice();
        bytes = new byte[capacity];
        size = 0;
        return out;
    }

    /** Overwrites four bytes already written at {@code at}: a length known only after its value. */
    void setInt(int at, int value) {
        bytes[at] = (byte) (value >> 24);
        bytes[at + 1] = (byte) (value >> 16);
        bytes[at + 2] = (byte) (value >> 8);
        bytes[at + 3] = (byte) value;
    }

    /** True when the {@code length} bytes at {@code at} are those of {@code expected}. */
    boolean endsWith(int at, byte[] expected) {
        return size - at == expected.length && Arrays.equals(bytes, at, size, expected, 0, expected.length);
    }

    /** Forgets what was written after {@code at}. */
    void truncate(int at) {
        size = at;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    @Override
    public void writeByte(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void writeShort(int s) {
        ensure(2);
        bytes[size++] = (byte) (s >> 8);
        bytes[size++] = (byte) s;
    }

    @Override
    public void writeInt(int i) {
        ensure(4);
        setInt(size, i);
        size += 4;
    }

    @Override
    public void writeLong(long l) {
        writeInt((int) (l >> 32));
        writeInt((int) l);
    }

    @Override
    public void writeFloat(float f) {
        writeInt(Float.floatToRawIntBits(f));
    }

    @Override
    public void writeDouble(double d) {
        writeLong(Double.doubleToRawLongBits(d));
    }

    @Override
    public void writeBytes(byte[] src, int offset, int length) {
        ensure(length);
        System.arraycopy(src, offset, bytes, size, length);
        size += length;
    }

    @Override
    public void writeBytes(ByteBuffer src) {
        int length = src.remaining();
        ensure(length);
        src.get(src.position(), bytes, size, length);
        size += length;
    }

    @Override
    public void writeUtf8(CharSequence text) {
        writeUtf8(text, 0, text.length());
    }

    /** Writes the characters {@code from} (inclusive) to {@code to} (exclusive) in UTF-8; a lone surrogate as '?'. */
    void writeUtf8(CharSequence text, int from, int to) {
        ensure(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes[size++] = (byte) c;
                continue;
            }
            ensure(4 + to - i);
            if (c < 0x800) {
                bytes[size++] = (byte) (0xC0 | (c >> 6));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                bytes[size++] = (byte) (0xF0 | (cp >> 18));
                bytes[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                bytes[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                bytes[size++] = '?';
            } else {
                bytes[size++] = (byte) (0xE0 | (c >> 12));
                bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }
}
