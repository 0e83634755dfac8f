// ByteBuffer: bytea's default Java type.
package org.psycopg.r2dbc.codec.builtin;

import java.nio.ByteBuffer;
import java.util.List;

import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * bytea as a {@code ByteBuffer} (its default): a heap buffer of its own, holding a copy of the bytes,
 * position 0. Binds the bytes between a buffer's position and limit, without moving it.
 */
final class ByteBufferCodec implements Codec<ByteBuffer> {

    private static final List<Decoding> DECODINGS = List.of(Decoding.defaultFor(Oids.BYTEA));

    @Override
    public Class<ByteBuffer> javaType() {
        return ByteBuffer.class;
    }

    @Override
    public List<Decoding> decodings() {
        return DECODINGS;
    }

    @Override
    public ByteBuffer decode(int oid, Format format, ByteBuffer bytes, Class<?> type, CodecRegistry registry) {
        return ByteBuffer.wrap(Bytea.read(format, bytes));
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(ByteBuffer.class);
    }

    @Override
    public int typeOid(Class<?> valueClass, CodecRegistry registry) {
        return Oids.BYTEA;
    }

    @Override
    public void encode(ByteBuffer value, ValueWriter out, CodecRegistry registry) {
        out.writeBytes(value);
    }

    @Override
    public String text(ByteBuffer value, CodecRegistry registry) {
        return Bytea.hex(value);
    }
}
