// Test codec listed in META-INF/services/org.psycopg.r2dbc.codec.Codec: what a library would ship.
package org.psycopg.r2dbc.types;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import org.psycopg.r2dbc.codec.Codec;
import org.psycopg.r2dbc.codec.CodecRegistry;
import org.psycopg.r2dbc.codec.Decoding;
import org.psycopg.r2dbc.codec.Format;
import org.psycopg.r2dbc.codec.Oids;
import org.psycopg.r2dbc.codec.ValueWriter;

/** Reads numeric as {@link Temperature} when asked for it (numeric's default stays BigDecimal) and binds it as numeric text. */
public final class TemperatureCodec implements Codec<Temperature> {

    @Override
    public Class<Temperature> javaType() {
        return Temperature.class;
    }

    @Override
    public List<Decoding> decodings() {
        return List.of(Decoding.of(Oids.NUMERIC));
    }

    @Override
    public Temperature decode(int oid, Format format, ByteBuffer bytes, Class<?> type, CodecRegistry registry) {
        return new Temperature(registry.decode(oid, format, bytes, BigDecimal.class));
    }

    @Override
    public List<Class<?>> encodedClasses() {
        return List.of(Temperature.class);
    }

    @Override
    public int typeOid(Class<?> valueClass, CodecRegistry registry) {
        return Oids.NUMERIC;
    }

    @Override
    public Format encodeFormat(Temperature value, CodecRegistry registry) {
        return Format.TEXT;
    }

    @Override
    public void encode(Temperature value, ValueWriter out, CodecRegistry registry) {
        out.writeUtf8(value.celsius().toPlainString());
    }
}
