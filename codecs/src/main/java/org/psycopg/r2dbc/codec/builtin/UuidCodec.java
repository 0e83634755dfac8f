// UUID: uuid.
package org.psycopg.r2dbc.codec.builtin;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;

import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.ValueWriter;

/** uuid as {@code UUID}: 16 bytes in binary (uuid_send), the hyphenated hex form in text (uuid_out). */
final class UuidCodec implements Codec<UUID> {

    private static final List<Decoding> DECODINGS = List.of(Decoding.defaultFor(Oids.UUID));

    @Override
    public Class<UUID> javaType() {
        return UUID.class;
    }

    @Override
    public List<Decoding> decodings() {
        return DECODINGS;
    }

    @Override
    public UUID decode(int oid, Format format, ByteBuffer bytes, Class<?> type, CodecRegistry registry) {
        if (format == Format.BINARY) {
            Bytes.expectSize(bytes, 16, "uuid");
            return new UUID(bytes.getLong(bytes.position()), bytes.getLong(bytes.position() + 8));
        }
        return UUID.fromString(Bytes.utf8(bytes).trim());
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(UUID.class);
    }

    @Override
    public int typeOid(Class<?> valueClass, CodecRegistry registry) {
        return Oids.UUID;
    }

    @Override
    public void encode(UUID value, ValueWriter out, CodecRegistry registry) {
        out.writeLong(value.getMostSignificantBits());
        out.writeLong(value.getLeastSignificantBits());
    }
}
