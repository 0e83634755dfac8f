// Boolean: bool.
package org.psycopg.r2dbc.codec.builtin;

import java.nio.ByteBuffer;
import java.util.List;

import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.ValueWriter;

/** bool as {@code Boolean}: one byte 0 or 1 in binary (boolsend), {@code t} or {@code f} in text (boolout). */
final class BooleanCodec implements Codec<Boolean> {

    private static final List<Decoding> DECODINGS = List.of(Decoding.defaultFor(Oids.BOOL));

    @Override
    public Class<Boolean> javaType() {
        return Boolean.class;
    }

    @Override
    public List<Decoding> decodings() {
        return DECODINGS;
    }

    @Override
    public Boolean decode(int oid, Format format, ByteBuffer bytes, Class<?> type, CodecRegistry registry) {
        Bytes.expectSize(bytes, 1, "bool");
        byte b = bytes.get(bytes.position());
        if (format == Format.BINARY) {
            return b != 0;
        }
        if (b == 't') {
            return true;
        }
        if (b == 'f') {
            return false;
        }
        throw new IllegalArgumentException("Not a bool: '" + (char) b + "'");
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(Boolean.class);
    }

    @Override
    public int typeOid(Class<?> valueClass, CodecRegistry registry) {
        return Oids.BOOL;
    }

    @Override
    public void encode(Boolean value, ValueWriter out, CodecRegistry registry) {
        out.writeByte(value ? 1 : 0);
    }

    @Override
    public String text(Boolean value, CodecRegistry registry) {
        return value ? "t" : "f";
    }
}
