// bytea's two formats: raw bytes in binary, hex (or the older escape form) in text.
package org.psycopg.r2dbc.codec.builtin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.psycopg.r2dbc.codec.Format;

/**
 * bytea values: binary is the bytes themselves (byteasend); text is byteaout's {@code \x} followed
 * by two hex digits per byte, or, with {@code bytea_output = escape}, printable ASCII with
 * {@code \\} and {@code \ooo} escapes.
 */
final class Bytea {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Bytea() {
    }

    /** A copy of the value's bytes. */
    static byte[] read(Format format, ByteBuffer b) {
        if (format == Format.BINARY) {
            return Bytes.copy(b);
        }
        byte[] text = Bytes.copy(b);
        if (text.length >= 2 && text[0] == '\\' && text[1] == 'x') {
            return fromHex(text);
        }
        return fromEscape(text);
    }

    private static byte[] fromHex(byte[] text) {
        byte[] out = new byte[(text.length - 2) / 2];
        int n = 0;
        for (int i = 2; i < text.length; ) {
            if (Character.isWhitespace(text[i])) {
                i++;
                continue;
            }
            if (i + 1 >= text.length) {
                throw new IllegalArgumentException("Odd number of hex digits in bytea text");
            }
            out[n++] = (byte) (hexDigit(text[i]) << 4 | hexDigit(text[i + 1]));
            i += 2;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static int hexDigit(byte c) {
        int d = Character.digit(c, 16);
        if (d < 0) {
            throw new IllegalArgumentException("Invalid hex digit in bytea text: '" + (char) c + "'");
        }
        return d;
    }

    private static byte[] fromEscape(byte[] text) {
        byte[] out = new byte[text.length];
        int n = 0;
        for (int i = 0; i < text.length; ) {
            byte c = text[i];
            if (c != '\\') {
                out[n++] = c;
                i++;
            } else if (i + 1 < text.length && text[i + 1] == '\\') {
                out[n++] = '\\';
                i += 2;
            } else if (i + 3 < text.length && isOctal(text[i + 1]) && isOctal(text[i + 2]) && isOctal(text[i + 3])) {
                out[n++] = (byte) ((text[i + 1] - '0') << 6 | (text[i + 2] - '0') << 3 | (text[i + 3] - '0'));
                i += 4;
            } else {
                throw new IllegalArgumentException("Invalid escape in bytea text");
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean isOctal(byte c) {
        return c >= '0' && c <= '7';
    }

    /** byteaout's hex text of the bytes between position and limit. */
    static String hex(ByteBuffer b) {
        byte[] out = new byte[2 + 2 * b.remaining()];
        out[0] = '\\';
        out[1] = 'x';
        for (int i = 0, at = b.position(); i < b.remaining(); i++) {
            int v = b.get(at + i) & 0xFF;
            out[2 + 2 * i] = (byte) HEX[v >> 4];
            out[3 + 2 * i] = (byte) HEX[v & 0xF];
        }
        return new String(out, StandardCharsets.US_ASCII);
    }
}
