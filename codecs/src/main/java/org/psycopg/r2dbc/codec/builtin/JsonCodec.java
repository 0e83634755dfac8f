// Json: json and jsonb as the Json value type, bound as jsonb.
package org.psycopg.r2dbc.codec.builtin;

import java.nio.ByteBuffer;
import java.util.List;

import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Json;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.ValueWriter;

/**
 * Reads json and jsonb as {@link Json} when asked for (their default Java type is {@code String});
 * binds a {@link Json} as jsonb in binary.
 */
final class JsonCodec implements Codec<Json> {

    private static final List<Decoding> DECODINGS = List.of(Decoding.of(Oids.JSON), Decoding.of(Oids.JSONB));

    @Override
    public Class<Json> javaType() {
        return Json.class;
    }

    @Override
    public List<Decoding> decodings() {
        return DECODINGS;
    }

    @Override
    public Json decode(int oid, Format format, ByteBuffer bytes, Class<?> type, CodecRegistry registry) {
        return new Json(JsonText.read(oid, format, bytes));
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(Json.class);
    }

    @Override
    public int typeOid(Class<?> valueClass, CodecRegistry registry) {
        return Oids.JSONB;
    }

    @Override
    public void encode(Json value, ValueWriter out, CodecRegistry registry) {
        JsonText.writeJsonb(value.text(), out);
    }

    @Override
    public String text(Json value, CodecRegistry registry) {
        return value.text();
    }
}
