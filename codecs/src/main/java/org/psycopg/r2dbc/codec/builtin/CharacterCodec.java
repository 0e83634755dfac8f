// Character: one character of "char", char(1) or text, bound as text.
package org.psycopg.r2dbc.codec.builtin;

import static org.psycopg.r2dbc.codec.Oids.*;

import java.nio.ByteBuffer;
import java.util.List;

import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * Reads a one-character value of {@code "char"}, bpchar, varchar or text as a {@code Character}
 * (a {@code "char"} byte as the Latin-1 character of that code); binds a {@code Character} as text.
 * A value of another length throws {@code IllegalArgumentException}.
 */
final class CharacterCodec implements Codec<Character> {

    private static final List<Decoding> DECODINGS = List.of(
            Decoding.of(CHAR), Decoding.of(BPCHAR), Decoding.of(VARCHAR), Decoding.of(TEXT));

    @Override
    public Class<Character> javaType() {
        return Character.class;
    }

    @Override
    public List<Decoding> decodings() {
        return DECODINGS;
    }

    @Override
    public Character decode(int oid, Format format, ByteBuffer bytes, Class<?> type, CodecRegistry registry) {
        if (oid == CHAR && format == Format.BINARY && bytes.remaining() == 1) {
            return (char) (bytes.get(bytes.position()) & 0xFF);
        }
        String s = Bytes.utf8(bytes);
        if (s.length() != 1) {
            throw new IllegalArgumentException("'" + s + "' is not one character");
        }
        return s.charAt(0);
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(Character.class);
    }

    @Override
    public int typeOid(Class<?> valueClass, CodecRegistry registry) {
        return TEXT;
    }

    @Override
    public void encode(Character value, ValueWriter out, CodecRegistry registry) {
        out.writeUtf8(String.valueOf(value.charValue()));
    }
}
