// A ValueWriter that collects a value's bytes in a growing array.
package org.psycopg.r2dbc.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A {@link ValueWriter} over a growing byte array: for nested values (array elements, composite
 * fields, range bounds) whose length must be known before they are framed, for tests, and for
 * callers without a buffer of their own. Not thread-safe.
 */
public final class ByteArrayValueWriter implements ValueWriter {

    private byte[] bytes;
    private int size;

    public ByteArrayValueWriter() {
        this(32);
    }

    public ByteArrayValueWriter(int initialCapacity) {
        bytes = new byte[Math.max(initialCapacity, 8)];
    }

    /** The number of bytes written. */
    public int size() {
        return size;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Forgets the bytes written, keeping the capacity. */
    public void reset() {
        size = 0;
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
        bytes[size++] = (byte) (i >> 24);
        bytes[size++] = (byte) (i >> 16);
        bytes[size++] = (byte) (i >> 8);
        bytes[size++] = (byte) i;
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
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        writeBytes(utf8, 0, utf8.length);
    }
}
