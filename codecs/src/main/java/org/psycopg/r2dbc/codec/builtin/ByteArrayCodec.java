// byte[]: bytea as an array.
package org.psycopg.r2dbc.codec.builtin;

import java.nio.ByteBuffer;
import java.util.List;

import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.ValueWriter;

/** bytea as a {@code byte[]} (a copy); binds a {@code byte[]} as bytea. */
final class ByteArrayCodec implements Codec<byte[]> {

    private static final List<Decoding> DECODINGS = List.of(Decoding.of(Oids.BYTEA));

    @Override
    public Class<byte[]> javaType() {
        return byte[].class;
    }

    @Override
    public List<Decoding> decodings() {
        return DECODINGS;
    }

    @Override
    public byte[] decode(int oid, Format format, ByteBuffer bytes, Class<?> type, CodecRegistry registry) {
        return Bytea.read(format, bytes);
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(byte[].class);
    }

    @Override
    public int typeOid(Class<?> valueClass, CodecRegistry registry) {
        return Oids.BYTEA;
    }

    @Override
    public void encode(byte[] value, ValueWriter out, CodecRegistry registry) {
        out.writeBytes(value, 0, value.length);
    }

    @Override
    public String text(byte[] value, CodecRegistry registry) {
        return Bytea.hex(ByteBuffer.wrap(value));
    }
}
