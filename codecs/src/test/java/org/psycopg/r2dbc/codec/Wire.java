// Test helpers: byte vectors as PostgreSQL sends them, and what the registry writes.
package org.psycopg.r2dbc.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Builds values' bytes from hex or text, and encodes values through a registry. */
final class Wire {

    private Wire() {
    }

    /** A read-only direct buffer holding the bytes of {@code hex} (spaces ignored), positioned past a prefix. */
    static ByteBuffer hex(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
        ByteBuffer b = ByteBuffer.allocateDirect(bytes.length + 3);
        b.put(new byte[] {9, 9, 9}).put(bytes).position(3);
        return b.asReadOnlyBuffer();
    }

    /** The UTF-8 bytes of {@code text} in a heap buffer. */
    static ByteBuffer text(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    static String toHex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** The hex of the bytes {@code registry} binds {@code value} as. */
    static String encode(CodecRegistry registry, Object value) {
        ByteArrayValueWriter out = new ByteArrayValueWriter();
        registry.encoder(value.getClass()).encode(value, out);
        return toHex(out.toByteArray());
    }

    static String encode(Object value) {
        return encode(CodecRegistry.defaults(), value);
    }

    static <T> T binary(int oid, String hex, Class<T> type) {
        ByteBuffer b = hex(hex);
        int position = b.position();
        T value = CodecRegistry.defaults().decode(oid, Format.BINARY, b, type);
        if (b.position() != position) {
            throw new AssertionError("decode moved the buffer's position");
        }
        return value;
    }

    /** The value of type {@code oid} in binary, as its default Java type. */
    static Object binary(int oid, String hex) {
        return binary(oid, hex, Object.class);
    }

    /** The value of type {@code oid} in text, as its default Java type. */
    static Object text(int oid, String text) {
        return text(oid, text, Object.class);
    }

    static <T> T text(int oid, String text, Class<T> type) {
        return CodecRegistry.defaults().decode(oid, Format.TEXT, text(text), type);
    }
}
