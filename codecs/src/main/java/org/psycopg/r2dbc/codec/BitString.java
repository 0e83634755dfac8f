// A string of bits: PostgreSQL's bit(n) and bit varying values.
package org.psycopg.r2dbc.codec;

import java.util.Arrays;

/**
 * A bit string of any length, the first bit being the most significant bit of the first byte, as
 * PostgreSQL stores it. Binds as varbit (which the server casts to bit(n) implicitly). Immutable.
 */
public final class BitString {

    private final int length;
    private final byte[] bytes;

    private BitString(int length, byte[] bytes) {
        this.length = length;
        this.bytes = bytes;
    }

    /**
     * The first {@code length} bits of {@code bytes}; bits past the length must be zero.
     *
     * @throws IllegalArgumentException when the bytes are not {@code ceil(length / 8)} or padding bits are set
     */
    public static BitString of(int length, byte[] bytes) {
        if (length < 0 || bytes.length != (length + 7) / 8) {
            throw new IllegalArgumentException(length + " bits take " + (length + 7) / 8 + " bytes, not " + bytes.length);
        }
        if (length % 8 != 0 && (bytes[bytes.length - 1] & (0xFF >> (length % 8))) != 0) {
            throw new IllegalArgumentException("Bits past the length of a bit string are zero");
        }
        return new BitString(length, bytes.clone());
    }

    /** The bits written as {@code 0} and {@code 1} characters, as bit_out writes them. */
    public static BitString parse(String text) {
        String s = text.trim();
        byte[] bytes = new byte[(s.length() + 7) / 8];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '1') {
                bytes[i / 8] |= (byte) (0x80 >> (i % 8));
            } else if (c != '0') {
                throw new IllegalArgumentException("Not a bit string: '" + text + "'");
            }
        }
        return new BitString(s.length(), bytes);
    }

    /** The number of bits. */
    public int length() {
        return length;
    }

    /** Bit {@code index}, counting from 0 at the left. */
    public boolean get(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (bytes[index / 8] & (0x80 >> (index % 8))) != 0;
    }

    /** A copy of the bytes, padded with zero bits. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitString && length == ((BitString) o).length && Arrays.equals(bytes, ((BitString) o).bytes);
    }

    @Override
    public int hashCode() {
        return 31 * length + Arrays.hashCode(bytes);
    }

    /** The bits as {@code 0} and {@code 1} characters. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(get(i) ? '1' : '0');
        }
        return s.toString();
    }
}
