// Java enums: bound as the text of their name, read from text by name.
package org.psycopg.r2dbc.codec.builtin;

import static org.psycopg.r2dbc.codec.Oids.*;

import java.nio.ByteBuffer;
import java.util.List;

import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.PgType;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * Binds any Java enum constant as the untyped text of its {@code name()} (OID 0), so that the server
 * casts it to the column's enum (or text) type; reads a PostgreSQL enum or character value into the
 * enum class asked for, by name. A name the enum lacks throws {@code IllegalArgumentException}.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class EnumCodec implements Codec<Enum> {

    private static final List<Decoding> DECODINGS = List.of(
            Decoding.of(TEXT), Decoding.of(VARCHAR), Decoding.of(BPCHAR), Decoding.of(NAME),
            Decoding.ofKind(PgType.Kind.ENUM));

    @Override
    public Class<Enum> javaType() {
        return Enum.class;
    }

    @Override
    public List<Decoding> decodings() {
        return DECODINGS;
    }

    @Override
    public Enum decode(int oid, Format format, ByteBuffer bytes, Class<?> type, CodecRegistry registry) {
        if (!type.isEnum()) {
            throw new IllegalArgumentException("Ask for a Java enum class, not " + type.getName());
        }
        return Enum.valueOf((Class) type, Bytes.utf8(bytes));
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(Enum.class);
    }

    @Override
    public Format encodeFormat(Enum value, CodecRegistry registry) {
        return Format.TEXT;
    }

    @Override
    public void encode(Enum value, ValueWriter out, CodecRegistry registry) {
        out.writeUtf8(value.name());
    }

    @Override
    public String text(Enum value, CodecRegistry registry) {
        return value.name();
    }
}
