// A ValueWriter that collects bytes in a growing array: nested values, COPY data, tests.
package org.psycopg.r2dbc.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A {@link ValueWriter} over a growing byte array: for nested values (array elements, composite
 * fields, range bounds) whose length must be known before they are framed, for the rows of COPY
 * data, for tests, and for callers without a buffer of their own. Besides appending, it can patch
 * a length written before its value ({@link #setInt}), forget what was written after a point
 * ({@link #truncate}), and hand its bytes over without a copy ({@link #take}). Text is written as
 * UTF-8 without an intermediate array, a lone surrogate as {@code '?'}. Not thread-safe.
 */
public final class ByteArrayValueWriter implements ValueWriter {

    private final int initialCapacity;
    private byte[] bytes;
    private int size;

    public ByteArrayValueWriter() {
        this(32);
    }

    public ByteArrayValueWriter(int initialCapacity) {
        this.initialCapacity = Math.max(initialCapacity, 8);
        bytes = new byte[this.initialCapacity];
    }

    /** The number of bytes written. */
    public int size() {
        return size;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /**
     * The bytes written, now owned by the caller as a buffer that nothing else refers to; the
     * writer starts over empty with a new array of its initial capacity.
     */
    public ByteBuffer take() {
        ByteBuffer out = ByteBuffer.wrap(bytes, 0, size).slice();
        bytes = new byte[initialCapacity];
        size = 0;
        return out;
    }

    /** Forgets the bytes written, keeping the capacity. */
    public void reset() {
        truncate(0);
    }

    /** Forgets the bytes written after the first {@code size}. */
    public void truncate(int size) {
        if (size < 0 || size > this.size) {
            throw new IndexOutOfBoundsException("truncate to " + size + " of " + this.size + " bytes");
        }
        this.size = size;
    }

    /** Overwrites four bytes already written at {@code at}, big-endian: a length known only after its value. */
    public void setInt(int at, int value) {
        if (at < 0 || at + 4 > size) {
            throw new IndexOutOfBoundsException("setInt at " + at + " of " + size + " bytes");
        }
        putInt(at, value);
    }

    /** True when the bytes written from {@code at} to the end are exactly {@code expected}. */
    public boolean endsWith(int at, byte[] expected) {
        return size - at == expected.length && Arrays.equals(bytes, at, size, expected, 0, expected.length);
    }

    /** Writes the bytes written here into {@code out}. */
    public void writeTo(ValueWriter out) {
        out.writeBytes(bytes, 0, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    private void putInt(int at, int i) {
        bytes[at] = (byte) (i >> 24);
        bytes[at + 1] = (byte) (i >> 16);
        bytes[at + 2] = (byte) (i >> 8);
        bytes[at + 3] = (byte) i;
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
        putInt(size, i);
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
        int n = src.remaining();
        ensure(n);
        src.get(src.position(), bytes, size, n);
        size += n;
    }

    @Override
    public void writeUtf8(CharSequence text) {
        writeUtf8(text, 0, text.length());
    }

    /** Writes the characters {@code from} (inclusive) to {@code to} (exclusive) in UTF-8; a lone surrogate as '?'. */
    public void writeUtf8(CharSequence text, int from, int to) {
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
